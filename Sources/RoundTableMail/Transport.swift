/// A way to hand messages to the world: a folder, the local MTA, or an SMTP server.
///
/// The commands only see this role, so a run treats every transport alike: it records a message
/// as sent once `deliver` returns, and never when it throws.
public protocol Transport: Sendable {
    /// Returns once the message is accepted; throws what went wrong, sorted by what the run
    /// should do about it (retry later, report the recipient, or stop and fix the setup).
    func deliver(_ envelope: Envelope) throws(DeliveryError)
}
