import CalendarTime

/// One stage of one session: when it is due, and when it was done.
public struct StageDeadline: Hashable, Sendable {
    public let stage: Stage
    public let due: LocalDate
    public let done: LocalDate?

    /// Days late as of a date (0 when on time or done). Overdue starts the day after the due date.
    public func daysOverdue(asOf date: LocalDate) -> Int {
        done == nil ? Overdue.days(due: due, asOf: date) : 0
    }
}

/// Every stage of a session with its deadline, derived from the schedule and what was recorded.
public struct SessionTimeline: Hashable, Sendable {
    public let session: Session
    /// Empty for a cancelled session: nothing is owed for it.
    public let stages: [StageDeadline]

    /// The first stage not yet done; nil when all are done (or the session is cancelled).
    public var currentStage: StageDeadline? { stages.first { $0.done == nil } }

    /// The deadline of one stage, if the session has it.
    public func deadline(_ stage: Stage) -> StageDeadline? { stages.first { $0.stage == stage } }
}

/// The due-date rules of DESIGN.md, as one pure function of schedule and records.
public enum Timeline {
    /// Deadlines for every session, in schedule order.
    ///
    /// A recorded date always wins over a planned one: a session held late pushes its write-up
    /// due date back, and a write-up agreed early pulls dissemination forward. Dissemination is
    /// never due after the seminar's papers deadline.
    public static func compute(_ schedule: Schedule, completions: [Completion]) -> [SessionTimeline] {
        // Each session's completions, found in one pass rather than by a scan per session.
        var recorded: [String: [Stage: LocalDate]] = [:]
        for completion in completions where recorded[completion.session]?[completion.stage] == nil {
            recorded[completion.session, default: [:]][completion.stage] = completion.on
        }
        return schedule.sessions.map { session in
            guard !session.isCancelled else { return SessionTimeline(session: session, stages: []) }
            let done = recorded[session.id] ?? [:]
            let policy = schedule.policy
            var dues: [Stage: LocalDate] = [:]
            dues[.plan] = policy.inviteLead.before(session.timing.earliestDay)
            dues[.hold] = session.timing.latestDay
            let heldOn = done[.hold] ?? session.timing.latestDay
            dues[.writeup] = policy.writeupWithin.after(heldOn)
            let writtenUp = done[.writeup] ?? dues[.writeup]!
            var disseminate = policy.disseminateWithin.after(writtenUp)
            if let cap = papersDeadline(for: session, in: schedule) { disseminate = min(disseminate, cap) }
            dues[.disseminate] = disseminate
            return SessionTimeline(session: session, stages: session.stages.map {
                StageDeadline(stage: $0, due: dues[$0]!, done: done[$0])
            })
        }
    }

    /// The day by which a session's findings must reach the members for the seminar to use them:
    /// the seminar's first possible day less `papers-before-seminar`.
    public static func papersDeadline(for session: Session, in schedule: Schedule) -> LocalDate? {
        schedule.seminar(capping: session).map { papersDeadline(of: $0, in: schedule) }
    }

    /// The series' papers deadline, the one the report and the timeline picture show: that of its
    /// first seminar not cancelled.
    public static func papersDeadline(in schedule: Schedule) -> LocalDate? {
        schedule.sessions.first { $0.kind == .seminar && !$0.isCancelled }.map { papersDeadline(of: $0, in: schedule) }
    }

    /// A seminar's papers deadline: its first possible day less `papers-before-seminar`.
    private static func papersDeadline(of seminar: Session, in schedule: Schedule) -> LocalDate {
        schedule.policy.papersBeforeSeminar.before(seminar.timing.earliestDay)
    }
}
