/// What a transport hands over: the rendered message and who it goes to.
///
/// The recipients travel beside the message rather than being read back from its headers, so an
/// SMTP transport never has to parse what the renderer wrote; the Message-ID travels too, so the
/// outbox can name a resent message's file as it named the first one.
public struct Envelope: Sendable {
    /// The SMTP envelope sender (MAIL FROM): where bounces go, the organiser's real address.
    public let sender: String
    /// The SMTP envelope recipients (RCPT TO); in practice one, as every message goes to one person.
    public let recipients: [String]
    /// The message's Message-ID without angle brackets, stable across resends.
    public let messageID: String
    /// The whole RFC 5322 message, CRLF line endings, exactly as it should arrive.
    public let data: [UInt8]

    /// Takes the parts as they are: the message renderer has already checked them.
    public init(sender: String, recipients: [String], messageID: String, data: [UInt8]) {
        self.sender = sender
        self.recipients = recipients
        self.messageID = messageID
        self.data = data
    }
}

extension Envelope {
    /// `message` rendered (`MailMessage.rendered`, which throws what it finds wrong), to its one
    /// recipient, from the organiser.
    public init(_ message: MailMessage) throws(MailError) {
        self.init(sender: message.from.email, recipients: [message.to.email], messageID: message.messageID,
                  data: try message.rendered())
    }
}
