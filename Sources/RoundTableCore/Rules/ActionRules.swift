import CalendarTime

/// What may happen to an action after it is added: edited, done once, dropped, reopened; each a
/// pure function from the action as recorded to the action as it should be, or a refusal.
public enum ActionRules {
    /// The records with every action's due date as the schedule now has it: an action due "by
    /// the next session" follows that session when it moves, and the one after when it is
    /// cancelled; one with its own date keeps it. With no session left after it, it keeps the
    /// date it had.
    public static func resolvingDues(_ records: Records, in schedule: Schedule) -> Records {
        var resolved = records
        resolved.actions = records.actions.map { action in
            guard action.followsNextSession, let next = try? StageRules.defaultActionDue(after: action.session, in: schedule) else {
                return action
            }
            var moved = action
            moved.due = next
            if next != action.due { moved.movedFrom = action.due }
            return moved
        }
        return resolved
    }

    /// The action with a new text, owner or due date (each change kept in its history, dated
    /// `day`). A new owner must belong to the group when it is due; a new date is its own from
    /// then on (it no longer follows the next session).
    public static func edit(_ action: Action, text: String?, owner: String?, due: LocalDate?, on day: LocalDate,
                            in schedule: Schedule) throws(WorkflowError) -> Action {
        if let dropped = action.dropped { throw .actionDropped(id: action.id, on: dropped.on) }
        var edited = action
        func change(_ field: Action.Change.Field, _ before: String, _ after: String) {
            guard before != after else { return }
            edited.history.append(Action.Change(on: day, field: field, before: before, after: after))
        }
        if let text {
            change(.text, action.text, text)
            edited.text = text
        }
        if let due {
            change(.due, action.due.description, due.description)
            edited.due = due
            edited.followsNextSession = false
        }
        if let owner {
            try checkOwner(owner, due: edited.due, in: schedule)
            change(.owner, action.owner, owner)
            edited.owner = owner
        }
        guard edited.history.count > action.history.count || edited.followsNextSession != action.followsNextSession else {
            throw .nothingToChange(id: action.id)
        }
        return edited
    }

    /// Refuses a due date no one could mean: before the session the action comes from (a
    /// tentative one: its first possible day), or before `asOf`. Such a date is overdue the moment
    /// it is recorded; typed at the 17 September session, "2026-09-10" was 10 October. The refusal
    /// carries the nearest plausible reading (`plausibleDue`).
    public static func checkDue(_ due: LocalDate, from sessionID: String, asOf: LocalDate, in schedule: Schedule) throws(WorkflowError) {
        let sessionDay = try StageRules.session(sessionID, in: schedule).timing.earliestDay
        let earliest = max(sessionDay, asOf)
        guard due < earliest else { return }
        throw .implausibleDue(due: due, session: sessionID, sessionDay: sessionDay, asOf: asOf,
                              suggestion: plausibleDue(due, notBefore: earliest))
    }

    /// The first date on or after `earliest` with the same day of the month as `due`, in a later
    /// month (a slip of the month or the year, the usual ones); when no later month within a year
    /// has that day (the 31st), `earliest` itself.
    public static func plausibleDue(_ due: LocalDate, notBefore earliest: LocalDate) -> LocalDate {
        let months = (earliest.year - due.year) * 12 + earliest.month - due.month
        for step in max(1, months)...(max(1, months) + 12) {
            let candidate = due.adding(months: step)
            if candidate.day == due.day, candidate >= earliest { return candidate }
        }
        return earliest
    }

    /// An action's owner must be a member who belongs to the group on the day it is due.
    public static func checkOwner(_ owner: String, due: LocalDate, in schedule: Schedule) throws(WorkflowError) {
        let member = try StageRules.member(owner, in: schedule)
        guard member.belongs(on: due) else { throw .notAMemberThen(member: owner, on: due, membership: member.membership) }
    }

    /// The action done on `day`; a second `done` is refused, naming the first day.
    public static func done(_ action: Action, on day: LocalDate) throws(WorkflowError) -> Action {
        if let done = action.done { throw .actionAlreadyDone(id: action.id, on: done) }
        if let dropped = action.dropped { throw .actionDropped(id: action.id, on: dropped.on) }
        var finished = action
        finished.done = day
        return finished
    }

    /// The action dropped on `day`: kept, shown as dropped, never reminded or carried forward.
    public static func drop(_ action: Action, on day: LocalDate, reason: String?) throws(WorkflowError) -> Action {
        if let done = action.done { throw .actionAlreadyDone(id: action.id, on: done) }
        if let dropped = action.dropped { throw .actionDropped(id: action.id, on: dropped.on) }
        var letGo = action
        letGo.dropped = Action.Dropped(on: day, reason: reason)
        return letGo
    }

    /// The action open again, after a `done` or a `drop` recorded by mistake.
    public static func reopen(_ action: Action) throws(WorkflowError) -> Action {
        guard !action.isOpen else { throw .actionAlreadyOpen(id: action.id) }
        var reopened = action
        reopened.done = nil
        reopened.dropped = nil
        return reopened
    }
}
