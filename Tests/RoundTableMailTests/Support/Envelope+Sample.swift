import RoundTableMail

extension Envelope {
    /// A small message with CRLF line endings, as the renderer makes them.
    static func sample(id: String = "m1.rt4@ajc.example.org", to recipients: [String] = ["zoe@consult.example.org"],
                       body: String = "Hello") -> Envelope {
        let text = "From: coord@ajc.example.org\r\nTo: \(recipients.joined(separator: ", "))\r\nSubject: Test\r\n"
            + "Message-ID: <\(id)>\r\n\r\n\(body)\r\n"
        return Envelope(sender: "coord@ajc.example.org", recipients: recipients, messageID: id, data: Array(text.utf8))
    }
}
