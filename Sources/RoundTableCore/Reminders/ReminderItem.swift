import CalendarTime

/// Something a person can be reminded of: a stage they owe, an action they took on, a session
/// they are invited to, or (the organiser) the attendance of a session held without it.
public struct ReminderItem: Hashable, Sendable {
    /// What it is about.
    public enum Kind: Hashable, Sendable {
        /// A stage of a session its owners owe.
        case stage(Stage)
        /// An action its owner took on (the action id).
        case action(String)
        /// A session its attendees are coming to.
        case session
        /// Who came to a session recorded held without it: asked of the organiser once, in the
        /// first digest on or after the day it was held, since attendance is never guessed.
        case attendance

        /// Whether it is work someone owes, rather than a session to come to.
        public var isOwed: Bool { self != .session }
    }

    public let kind: Kind
    public let session: String
    /// What the digest says, e.g. "write-up of rt4 (Balancing …)".
    public let text: String
    public let due: LocalDate
    /// Member ids of who is reminded.
    public let recipients: [String]
    /// Whether reminders go on after the due day (owed work) or stop (a session one attends, an
    /// attendance asked for once).
    public var chasesWhenLate: Bool { kind.isOwed && kind != .attendance }

    public init(kind: Kind, session: String, text: String, due: LocalDate, recipients: [String]) {
        self.kind = kind
        self.session = session
        self.text = text
        self.due = due
        self.recipients = recipients
    }

    /// Stable key of the item in the sent-messages ledger: `stage:rt4:writeup`, `action:A4`,
    /// `session:rt4`, `attendance:rt4`. Written in every state file, so its form never changes.
    public var key: String {
        switch kind {
        case .stage(let stage): return "stage:\(session):\(stage.rawValue)"
        case .action(let id): return "action:\(id)"
        case .session: return "session:\(session)"
        case .attendance: return "attendance:\(session)"
        }
    }
}

/// A ledger row: this item was sent to this member for this trigger day.
public struct LedgerEntry: Hashable, Sendable {
    public let item: String
    public let recipient: String
    public let trigger: LocalDate

    public init(item: String, recipient: String, trigger: LocalDate) {
        self.item = item
        self.recipient = recipient
        self.trigger = trigger
    }
}

/// One line of a digest: an item, for whom, for which trigger, and why now.
public struct DueReminder: Hashable, Sendable {
    public let item: ReminderItem
    public let recipient: String
    public let trigger: LocalDate
    /// "due in 7 days", "due tomorrow", "3 days overdue".
    public let reason: String

    /// The ledger row that records it sent.
    public var ledgerEntry: LedgerEntry { LedgerEntry(item: item.key, recipient: recipient, trigger: trigger) }
}

/// Everything one member is reminded of in one run: one message, never several.
public struct Digest: Hashable, Sendable {
    public let recipient: Member
    public let reminders: [DueReminder]
    /// In the organiser's digest only: what others owe that is late, so the coordinator sees
    /// the whole picture each day (most overdue first, at most `ReminderPlanner.othersShown`).
    public var othersOverdue: [OverdueItem] = []
    /// How many more of those there are than are listed.
    public var othersNotShown = 0
    /// In the organiser's digest only: the replies `rsvp --mailbox` refused since the last
    /// digest, each listed once (a digest goes to the organiser for them alone if need be).
    public var refusedMessages: [RefusedMessage] = []

    public init(recipient: Member, reminders: [DueReminder]) {
        self.recipient = recipient
        self.reminders = reminders
    }
}
