/// One run of messages handed to a transport, each recorded only once it was accepted: the
/// sequence `invite`, `remind` and `disseminate` share, whatever the transport.
///
/// A temporary failure (server down, sendmail busy) stops the run: what was not handed over is
/// not recorded, and the next run sends it. A recipient refused for good is reported and the
/// others still go; `finish` then fails, so cron mails the coordinator about it. A dry run
/// renders every message (so a broken one still stops it) and sends and records nothing.
public struct SendRun {
    let transport: any Transport
    public let dryRun: Bool
    /// Where each line of the run's account goes ("sent: …", "would send: …").
    let report: (String) -> Void
    /// "address: reason" for each recipient the server refused for good.
    public private(set) var refused: [String] = []
    public private(set) var sent = 0

    public init(transport: any Transport, dryRun: Bool, report: @escaping (String) -> Void = { print($0) }) {
        self.transport = transport
        self.dryRun = dryRun
        self.report = report
    }

    /// Hands one message over, then runs `record`; in a dry run only reports `summary`.
    public mutating func send(_ message: MailMessage, summary: String, record: () throws -> Void) throws {
        try send(Envelope(message), summary: summary, record: record)
    }

    /// `send` for a message already rendered (`Envelope(message)`), as `remind` renders its
    /// digests on every core before handing them over one by one.
    public mutating func send(_ envelope: Envelope, summary: String, record: () throws -> Void) throws {
        if dryRun {
            report("would send: \(summary)")
            return
        }
        do {
            try transport.deliver(envelope)
        } catch .rejected(let recipient, let reason) {
            refused.append("\(recipient): \(reason)")
            return
        }
        try record()
        sent += 1
        report("sent: \(summary)")
    }

    /// Throws `.refused` listing every recipient refused for good, if any was.
    public func finish() throws(DeliveryError) {
        if !refused.isEmpty { throw .refused(refused) }
    }
}
