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
        /// A rapporteur or facilitator who declined a session ahead, told to the organiser once.
        case declinedRole(RoleDecline)
        /// A session short of its quorum on its check day, told to the organiser once.
        case quorum(QuorumShortfall)
        /// What a member (the id) wrote with her answer to a session: passed on to the
        /// organiser once, in her first digest after it was recorded.
        case note(String)
        /// An action (the id) given to the recipient, who did not have it.
        case givenTo(String)
        /// An action (the id) the recipient had, now given to someone else.
        case handedOn(String)
        /// An action (the id) whose due date moved (to the date), by hand or with its session.
        case dueMoved(String, to: LocalDate)
        /// A welcome to a member (the id) who joins; `joined` tells the organiser.
        case welcome(String), joined(String)
        /// A farewell to a member (the id) who leaves; `left` tells the organiser.
        case farewell(String), left(String)
        /// The organiser's weekly overview.
        case overview

        /// Whether it is work someone owes, rather than a session to come to or a note to read.
        public var isOwed: Bool {
            switch self {
            case .stage, .action, .attendance: return true
            case .session, .declinedRole, .quorum, .note, .givenTo, .handedOn, .dueMoved, .welcome, .joined, .farewell, .left,
                 .overview: return false
            }
        }

        /// Whether it is sent once, on its day or the first run after, and never again.
        public var isOnce: Bool {
            switch self {
            case .attendance, .declinedRole, .quorum, .note, .givenTo, .handedOn, .dueMoved, .welcome, .joined, .farewell, .left,
                 .overview: return true
            case .stage, .action, .session: return false
            }
        }

        /// Whether it tells the recipient of a change to what she owes.
        public var isChange: Bool {
            switch self {
            case .givenTo, .handedOn, .dueMoved: return true
            case .stage, .action, .session, .attendance, .declinedRole, .quorum, .note, .welcome, .joined, .farewell, .left,
                 .overview: return false
            }
        }

        /// Whether it is about someone joining or leaving: to her, or to the organiser.
        public var isMembershipChange: Bool {
            switch self {
            case .welcome, .joined, .farewell, .left: return true
            default: return false
            }
        }

        /// Whether it tells the organiser of someone joining or leaving.
        public var isMembership: Bool {
            switch self {
            case .joined, .left: return true
            default: return false
            }
        }
    }

    public let kind: Kind
    public let session: String
    /// What it is, in the coordinator's words: "write-up of rt4 (Balancing …)", an action's text.
    public let text: String
    public let due: LocalDate
    /// Member ids of who is reminded.
    public let recipients: [String]
    /// For a change (`Kind.isChange`): what it was and what it is now, as a person reads them.
    public var before = "", after = ""
    /// Whether reminders go on after the due day (owed work) or stop (a session one attends, an
    /// attendance asked for once).
    public var chasesWhenLate: Bool { kind.isOwed && !kind.isOnce }

    public init(kind: Kind, session: String, text: String, due: LocalDate, recipients: [String]) {
        self.kind = kind
        self.session = session
        self.text = text
        self.due = due
        self.recipients = recipients
    }

    /// Stable key of the item in the sent-messages ledger: `stage:rt4:writeup`, `action:A4`,
    /// `session:rt4`, `attendance:rt4`, `declined:rt4:rapporteur:alice`, `quorum:rt4`. Written in
    /// every state file, so its form never changes.
    public var key: String {
        switch kind {
        case .stage(let stage): return "stage:\(session):\(stage.rawValue)"
        case .action(let id): return "action:\(id)"
        case .session: return "session:\(session)"
        case .attendance: return "attendance:\(session)"
        case .declinedRole(let decline): return "declined:\(session):\(decline.role.rawValue):\(decline.member)"
        case .quorum: return "quorum:\(session)"

        case .note(let member): return "note:\(session):\(member)"
        case .givenTo(let id): return "given:\(id)"
        case .handedOn(let id): return "handed-on:\(id)"
        case .dueMoved(let id, let to): return "due-moved:\(id):\(to)"
        case .welcome(let member): return "welcome:\(member)"
        case .joined(let member): return "joined:\(member)"
        case .farewell(let member): return "farewell:\(member)"
        case .left(let member): return "left:\(member)"
        case .overview: return "overview"
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
    /// For the run's log: "due in 7 days (2012-11-09)", "3 days overdue (was due …)", and for a
    /// session to attend "on 2012-12-06, in 7 days" (a meeting is not due). Messages word it in
    /// their templates instead.
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
    /// To a member who joins, in the digest that welcomes her.
    public var welcome: Welcome?
    /// To a member who leaves, in her last digest.
    public var farewell: Farewell?
    /// To the organiser, once a week.
    public var overview: WeeklyOverview?
    /// In the organiser's digest only: the replies `rsvp --mailbox` refused since the last
    /// digest, each listed once (a digest goes to the organiser for them alone if need be).
    public var refusedMessages: [RefusedMessage] = []

    public init(recipient: Member, reminders: [DueReminder]) {
        self.recipient = recipient
        self.reminders = reminders
    }
}
