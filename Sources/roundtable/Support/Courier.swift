import RoundTableMail

/// Hands messages to the transport one by one, recording each only once it was accepted.
///
/// A temporary failure (server down, sendmail busy) stops the run: what was not handed over is
/// not recorded, and the next run sends it. A recipient refused for good is reported and the
/// others still go.
struct Courier {
    let transport: any Transport
    let dryRun: Bool
    private(set) var rejected: [String] = []
    private(set) var sent = 0

    init(transport: any Transport, dryRun: Bool) {
        self.transport = transport
        self.dryRun = dryRun
    }

    /// Sends one message, then runs `record`; in a dry run only prints `summary`.
    mutating func send(_ message: MailMessage, summary: String, record: () throws -> Void) throws {
        if dryRun {
            print("would send: \(summary)")
            return
        }
        let envelope = Envelope(sender: message.from.email, recipients: [message.to.email], messageID: message.messageID,
                                data: try message.rendered())
        do {
            try transport.deliver(envelope)
        } catch .rejected(let recipient, let reason) {
            rejected.append("\(recipient): \(reason)")
            return
        }
        try record()
        sent += 1
        print("sent: \(summary)")
    }

    /// Exit 65 when a recipient was refused, so cron mails the coordinator about it.
    func finish() throws {
        if !rejected.isEmpty { throw RoundTableError.refusedFiles(rejected.map { "refused by the mail server: \($0)" }) }
    }
}
