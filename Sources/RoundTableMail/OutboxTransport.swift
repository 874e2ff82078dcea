import Foundation

/// Writes each message as an .eml file: for the demo, for review before sending, or for a
/// separate mailer to pick up. The file is named after the Message-ID, so sending the same
/// message again replaces its file instead of adding a second one.
public struct OutboxTransport: Transport {
    public let directory: String

    public init(directory: String) { self.directory = directory }

    public func deliver(_ envelope: Envelope) throws(DeliveryError) {
        let name = String(envelope.messageID.map { $0.isLetter && $0.isASCII || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_" ? $0 : "_" })
        let url = URL(fileURLWithPath: directory).appendingPathComponent(name + ".eml")
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try Data(envelope.data).write(to: url, options: .atomic)
        } catch {
            throw .misconfigured("cannot write to the outbox '\(directory)': \(error.localizedDescription)")
        }
    }
}
