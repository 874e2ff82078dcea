import Foundation
import RoundTableMail

/// A transport that keeps what it is handed, refuses the addresses it is told to, and can fail
/// every message from the Nth on: the send run tested without a server or a process.
package final class InMemoryTransport: Transport, @unchecked Sendable {
    private let lock = NSLock()
    private var kept: [Envelope] = []
    private let refusing: Set<String>
    private let downFrom: Int?

    package init(refusing: Set<String> = [], downFrom: Int? = nil) {
        self.refusing = refusing
        self.downFrom = downFrom
    }

    package var delivered: [Envelope] { lock.withLock { kept } }

    package func deliver(_ envelope: Envelope) throws(DeliveryError) {
        lock.lock()
        defer { lock.unlock() }
        if let downFrom, kept.count + 1 >= downFrom { throw .temporary("the test server is down") }
        if let refused = envelope.recipients.first(where: refusing.contains) { throw .rejected(recipient: refused, "550 no such user") }
        kept.append(envelope)
    }
}
