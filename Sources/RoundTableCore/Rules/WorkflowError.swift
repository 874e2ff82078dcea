import CalendarTime

/// Why a record the coordinator asked for cannot be made. Each message says what to do instead.
public enum WorkflowError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownSession(String, known: [String])
    case unknownMember(String, known: [String])
    case noSuchStage(session: String, stage: String, has: [Stage])
    case cancelled(session: String)
    case alreadyDone(session: String, stage: Stage, on: LocalDate)
    case outOfOrder(session: String, stage: Stage, missing: Stage)
    case beforePrevious(session: String, stage: Stage, on: LocalDate, previous: Stage, previousOn: LocalDate)
    case planNeedsFixedStart(session: String)
    case heldBeforeItsDay(session: String, on: LocalDate, day: LocalDate)
    case inTheFuture(session: String, stage: Stage, on: LocalDate, asOf: LocalDate)
    case nothingToUndo(session: String)
    /// `advance --undo` named a stage that is not the latest recorded.
    case notLatest(session: String, stage: Stage, latest: Stage)
    case actionAlreadyDone(id: String, on: LocalDate)
    case actionDropped(id: String, on: LocalDate)
    case actionAlreadyOpen(id: String)
    case nothingToChange(id: String)
    case notAMemberThen(member: String, on: LocalDate, membership: String)
    case notInvited(member: String, session: String)
    case noNextSession(session: String)
    /// An action's due date before the session it comes from (`sessionDay`) or before the as-of
    /// day: overdue the moment it is recorded, so almost surely a slip; `suggestion` is the
    /// nearest date that could be meant.
    case implausibleDue(due: LocalDate, session: String, sessionDay: LocalDate, asOf: LocalDate, suggestion: LocalDate)
    /// The attendance given leaves no one at the session.
    case nobodyAttended(session: String)
    /// Attendance given for a session not recorded held.
    case notHeldYet(session: String)
    /// A stage after `hold` recorded done before the session's day.
    case doneBeforeTheSession(session: String, stage: Stage, on: LocalDate, day: LocalDate)

    public var description: String {
        switch self {
        case .unknownSession(let id, let known):
            return "Unknown session '\(id)'. Sessions: \(known.joined(separator: ", "))."
        case .unknownMember(let id, let known):
            return "Unknown member '\(id)'. Members: \(known.joined(separator: ", "))."
        case .noSuchStage(let session, let stage, let has):
            return "Session '\(session)' has no stage '\(stage)'; its stages are \(has.map(\.rawValue).joined(separator: ", "))."
        case .cancelled(let session):
            return "Session '\(session)' is cancelled; nothing can be recorded for it."
        case .alreadyDone(let session, let stage, let on):
            return "The \(stage.rawValue) stage of '\(session)' was already recorded done on \(on). Use 'advance \(session) \(stage.rawValue) --undo' first to change it."
        case .outOfOrder(let session, let stage, let missing):
            return "Cannot record \(stage.rawValue) for '\(session)' before \(missing.rawValue) is done: stages complete in order."
        case .beforePrevious(let session, let stage, let on, let previous, let previousOn):
            return "Cannot record \(stage.rawValue) for '\(session)' on \(on): \(previous.rawValue) was done later, on \(previousOn)."
        case .planNeedsFixedStart(let session):
            return "Session '\(session)' has no fixed start yet. Give it 'start:' in the schedule before recording plan."
        case .heldBeforeItsDay(let session, let on, let day):
            return "Cannot record '\(session)' held on \(on): it cannot be held before \(SessionText.day(day)). Record it on or after that day."
        case .inTheFuture(let session, let stage, let on, let asOf):
            return "Cannot record \(stage.rawValue) for '\(session)' on \(on): that is after today (\(asOf)). Record it on the day it is done."
        case .nothingToUndo(let session):
            return "Nothing is recorded for '\(session)', so there is nothing to undo."
        case .notLatest(let session, let stage, let latest):
            return "The latest stage recorded for '\(session)' is \(latest.rawValue), not \(stage.rawValue); only the latest can be undone."
        case .actionAlreadyDone(let id, let on):
            return "Action \(id) was already done on \(on). Use 'action reopen \(id)' first if that was a mistake."
        case .actionDropped(let id, let on):
            return "Action \(id) was dropped on \(on). Use 'action reopen \(id)' first to take it up again."
        case .actionAlreadyOpen(let id):
            return "Action \(id) is open: there is no done or drop to undo."
        case .nothingToChange(let id):
            return "Nothing to change in action \(id): give --text, --owner or --due with a new value."
        case .notAMemberThen(let member, let on, let membership):
            return "'\(member)' is not a member of the group on \(on) (\(membership)); choose someone who is."
        case .notInvited(let member, let session):
            return "'\(member)' was not invited to '\(session)'; --absent names invited members (use --attended to name who came)."
        case .noNextSession(let session):
            return "No session follows '\(session)' to take the action's due date from; give one with --due YYYY-MM-DD."
        case .implausibleDue(let due, let session, let sessionDay, let asOf, let suggestion):
            let before = due < sessionDay ? "before the session it comes from, '\(session)' (\(SessionText.day(sessionDay)))"
                : "before today (\(SessionText.day(asOf)))"
            return "The due date \(SessionText.day(due)) is \(before), so the action would be overdue at once. "
                + "Did you mean \(SessionText.day(suggestion)) (--due \(suggestion))? Pass --force to keep \(due)."
        case .nobodyAttended(let session):
            return "That would record no one as attending '\(session)'. A session no one came to was not held: "
                + "name who came with --attended ID,…, or undo the hold with 'advance \(session) --undo'."
        case .notHeldYet(let session):
            return "'\(session)' is not recorded held, so there is no attendance to change: record the hold with 'advance \(session) hold'."
        case .doneBeforeTheSession(let session, let stage, let on, let day):
            return "Cannot record \(stage.rawValue) for '\(session)' on \(on): the session is not until \(SessionText.day(day)). "
                + "Record it on or after that day."
        }
    }
}
