/// A reply `rsvp --mailbox` refused (forged, stale, not from an attendee), as the organiser's
/// next `remind` digest lists it, once: the coordinator learns that an answer did not count and
/// why, without reading the mailbox's logs.
public struct RefusedMessage: Hashable, Sendable {
    /// The mailbox it was read from (as shown, without credentials), its IMAP UIDVALIDITY (0 for
    /// a Maildir) and its item there: what marks it reported.
    public let mailbox: String
    public let validity: Int64
    public let item: String
    /// Its From:, Subject: and Date: as written (empty when it had none).
    public let from: String, subject: String, date: String
    /// Why it was refused, as `rsvp` said it.
    public let reason: String

    public init(mailbox: String, validity: Int64, item: String, from: String, subject: String, date: String, reason: String) {
        self.mailbox = mailbox
        self.validity = validity
        self.item = item
        self.from = from
        self.subject = subject
        self.date = date
        self.reason = reason
    }
}
