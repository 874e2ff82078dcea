/// One message of a mailbox as `rsvp --mailbox` keeps track of it: which message, and what
/// became of it, so that no message is read twice and no answer is recorded twice.
public struct MailboxMessage: Hashable, Sendable {
    /// A Maildir message's unique name (its file name up to the `:2,` of its flags), or an IMAP
    /// message's UID in decimal.
    public let item: String
    /// The IMAP UID; 0 in a Maildir, whose names carry no order.
    public let uid: Int64
    public let outcome: Outcome
    /// Why a refused message was refused, as it was reported; empty otherwise.
    public let note: String
    /// A refused message as the organiser's next digest names it (nil for any other): the
    /// series it is reported in, and its From:, Subject: and Date:.
    public let refusal: Refusal?

    /// What names a refused message to the organiser, besides why it was refused.
    public struct Refusal: Hashable, Sendable {
        /// The series whose organiser is told: the one its UID names, else the first read.
        public let series: String
        public let from: String, subject: String, date: String

        public init(series: String, from: String, subject: String, date: String) {
            self.series = series
            self.from = from
            self.subject = subject
            self.date = date
        }
    }

    /// What reading a message came to.
    public enum Outcome: String, Sendable, CaseIterable {
        /// An iMIP REPLY whose answers were recorded: marked (or moved) as handled.
        case recorded
        /// An iMIP REPLY that could not be believed or used: reported once, marked as handled.
        case refused
        /// Anything else (no calendar, an invitation, a newsletter): left as it was.
        case other
    }

    public init(item: String, uid: Int64 = 0, outcome: Outcome, note: String = "", refusal: Refusal? = nil) {
        self.item = item
        self.uid = uid
        self.outcome = outcome
        self.note = note
        self.refusal = refusal
    }

    /// Whether the message is marked in the mailbox once read: replies are, other mail is left alone.
    public var isHandled: Bool { outcome != .other }
}

/// What the state knows of one mailbox (at one IMAP UIDVALIDITY): the messages already read.
public struct MailboxSeen: Sendable {
    /// Every message read, by item.
    public let items: Set<String>
    /// The highest IMAP UID read (0 when none): new mail always has higher UIDs.
    public let highestUID: Int64
    /// Messages read and recorded but not yet marked in the mailbox (a run stopped in between):
    /// the next run marks them without reading them again.
    public let unmarked: [String]

    public init(items: Set<String>, highestUID: Int64, unmarked: [String]) {
        self.items = items
        self.highestUID = highestUID
        self.unmarked = unmarked
    }
}
