import CalendarTime

/// Something a member agreed to do at a session, carried forward until it is done or dropped.
public struct Action: Hashable, Sendable {
    /// Short and stable within a series: `A1`, `A2`, … in the order they were added.
    public let id: String
    public let session: String
    public var owner: String
    public var text: String
    /// The day it is due: its own date, or (when `followsNextSession`) the day of the next
    /// session after the one it was agreed at, as the schedule now has it.
    public var due: LocalDate
    /// Due "by the next session": the date moves when that session moves or is cancelled.
    public var followsNextSession: Bool
    /// The date recorded for it when the schedule has since moved its due date (the next
    /// session moved or was cancelled: `ActionRules.resolvingDues`); nil when it has not. Its
    /// owner is told of the move once (`ReminderPlanner.noticeItems`).
    public var movedFrom: LocalDate? = nil
    /// The day it was done; nil while open.
    public var done: LocalDate?
    /// The day it was dropped, and why; a dropped action is kept, never reminded.
    public var dropped: Dropped?
    /// Every change made after it was added, oldest first.
    public var history: [Change]
    /// When it was added (UTC); nil for an action recorded before roundtable kept the instant,
    /// with no date known for it.
    public var recorded: LocalDateTime?

    public init(id: String, session: String, owner: String, text: String, due: LocalDate, followsNextSession: Bool = false,
                done: LocalDate? = nil, dropped: Dropped? = nil, history: [Change] = [], recorded: LocalDateTime? = nil) {
        self.id = id
        self.session = session
        self.owner = owner
        self.text = text
        self.due = due
        self.followsNextSession = followsNextSession
        self.done = done
        self.dropped = dropped
        self.history = history
        self.recorded = recorded
    }

    /// Neither done nor dropped: owed, reminded, carried forward.
    public var isOpen: Bool { done == nil && dropped == nil }

    /// Days late as of a date (0 when on time, done or dropped), by `Overdue.days`.
    public func daysOverdue(asOf date: LocalDate) -> Int {
        isOpen ? Overdue.days(due: due, asOf: date) : 0
    }

    /// Why and when an action was let go.
    public struct Dropped: Hashable, Sendable {
        public let on: LocalDate
        public let reason: String?

        public init(on: LocalDate, reason: String?) {
            self.on = on
            self.reason = reason
        }
    }

    /// One change to an action, as history keeps it: what changed, from what to what, on which day.
    public struct Change: Hashable, Sendable {
        public enum Field: String, CaseIterable, Sendable {
            case text, owner, due
        }

        public let on: LocalDate
        public let field: Field
        public let before: String
        public let after: String

        public init(on: LocalDate, field: Field, before: String, after: String) {
            self.on = on
            self.field = field
            self.before = before
            self.after = after
        }
    }
}
