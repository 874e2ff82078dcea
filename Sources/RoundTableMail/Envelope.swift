/// What a transport hands over: the rendered message and who it goes to.
public struct Envelope: Sendable {
    public let sender: String
    public let recipients: [String]
    public let messageID: String
    public let data: [UInt8]

    public init(sender: String, recipients: [String], messageID: String, data: [UInt8]) {
        self.sender = sender
        self.recipients = recipients
        self.messageID = messageID
        self.data = data
    }
}

/// A way to hand messages to the world: a folder, the local MTA, or an SMTP server.
public protocol Transport: Sendable {
    /// Returns once the message is accepted; throws what went wrong otherwise.
    func deliver(_ envelope: Envelope) throws(DeliveryError)
}
