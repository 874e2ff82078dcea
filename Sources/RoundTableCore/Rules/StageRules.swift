import CalendarTime

/// Whether a stage may be recorded done: stages complete in order, once, on dates that do not
/// go backwards, never after the as-of day, and only for sessions that can have them.
public enum StageRules {
    /// Throws the reason a completion is refused; `existing` are the session's recorded completions.
    ///
    /// A session cannot be held before its day (a tentative one: before its first possible day):
    /// a `hold` recorded too early would also move the write-up's due date. A mistake is put
    /// right with `--undo` and a new record, never forced through.
    public static func check(_ completion: Completion, in schedule: Schedule, existing: [Completion], asOf: LocalDate) throws(WorkflowError) {
        let session = try session(completion.session, in: schedule)
        guard !session.isCancelled else { throw .cancelled(session: session.id) }
        let done = Dictionary(existing.filter { $0.session == session.id }.map { ($0.stage, $0.on) }, uniquingKeysWith: { a, _ in a })
        try checkDates(completion, of: session, done: done, asOf: asOf)
        guard session.stages.contains(completion.stage) else {
            throw .noSuchStage(session: session.id, stage: completion.stage.rawValue, has: session.stages)
        }
        if let on = done[completion.stage] { throw .alreadyDone(session: session.id, stage: completion.stage, on: on) }
        if completion.stage == .plan && session.timing.start == nil { throw .planNeedsFixedStart(session: session.id) }
        try checkOrder(completion, of: session, done: done)
    }

    /// The rules on a completion's own day, which a records file's completions obey as
    /// `advance`'s do (`RecordsFile` applies them on import): nothing after the as-of day, and no
    /// `hold` before the session's day. `done` is when each stage of the session was recorded.
    public static func checkDates(_ completion: Completion, of session: Session, done: [Stage: LocalDate], asOf: LocalDate) throws(WorkflowError) {
        if completion.on > asOf { throw .inTheFuture(session: session.id, stage: completion.stage, on: completion.on, asOf: asOf) }
        if completion.stage == .hold, completion.on < session.timing.earliestDay {
            throw .heldBeforeItsDay(session: session.id, on: completion.on, day: session.timing.earliestDay)
        }
    }

    /// The rule of order, for `advance` and import alike: a stage follows the one before it in
    /// the session's stages, recorded (in `done`) no later than it. A stage the session does not
    /// have has no place in the order, and is left to the caller.
    public static func checkOrder(_ completion: Completion, of session: Session, done: [Stage: LocalDate]) throws(WorkflowError) {
        guard let index = session.stages.firstIndex(of: completion.stage), index > 0 else { return }
        let previous = session.stages[index - 1]
        guard let previousOn = done[previous] else {
            throw .outOfOrder(session: session.id, stage: completion.stage, missing: previous)
        }
        if completion.on < previousOn {
            throw .beforePrevious(session: session.id, stage: completion.stage, on: completion.on, previous: previous, previousOn: previousOn)
        }
        // Every stage after hold follows the session, even in a schedule that leaves hold out.
        if completion.stage > .hold, completion.on < session.timing.earliestDay {
            throw .doneBeforeTheSession(session: session.id, stage: completion.stage, on: completion.on, day: session.timing.earliestDay)
        }
    }

    /// The rule of `advance --undo`: only the latest recorded stage (`latest`, nil when none is)
    /// can be undone, and a `stage` named must be that one.
    public static func checkUndo(_ latest: Completion?, of session: String, stage: Stage?) throws(WorkflowError) {
        guard let latest else { throw .nothingToUndo(session: session) }
        if let stage, stage != latest.stage { throw .notLatest(session: session, stage: stage, latest: latest.stage) }
    }

    /// The session with this id, or the error that lists the known ones.
    public static func session(_ id: String, in schedule: Schedule) throws(WorkflowError) -> Session {
        guard let session = schedule.session(id) else { throw .unknownSession(id, known: schedule.sessions.map(\.id)) }
        return session
    }

    /// The member with this id, or the error that lists the known ones.
    public static func member(_ id: String, in schedule: Schedule) throws(WorkflowError) -> Member {
        guard let member = schedule.member(id) else { throw .unknownMember(id, known: schedule.members.map(\.id)) }
        return member
    }

    /// An action is due by the next session, when its open actions are carried into the invitation.
    public static func defaultActionDue(after sessionID: String, in schedule: Schedule) throws(WorkflowError) -> LocalDate {
        let session = try session(sessionID, in: schedule)
        guard let next = schedule.nextSessionDay(after: session.timing.latestDay) else { throw .noNextSession(session: session.id) }
        return next
    }
}
