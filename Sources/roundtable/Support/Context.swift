import CalendarTime
import RoundTableCore
import RoundTableStore

/// What a command that reads the records works from, loaded once at its start.
struct Context {
    let loaded: LoadedSchedule
    let asOf: LocalDate
    let store: StateStore
    let records: Records
    /// What time it is for this run (`ROUNDTABLE_NOW` or the system clock).
    let clock: Clock
    /// The process's environment, read once: where sending commands find their servers and logins.
    let environment: Environment

    var schedule: Schedule { loaded.schedule }

    /// The same context with the records as they stood at the end of the as-of day
    /// (`Records.asOf`): what the views (`status`, `overdue`, `report`, `action list`) show.
    var asItStood: Context {
        Context(loaded: loaded, asOf: asOf, store: store, records: records.asOf(asOf, in: schedule), clock: clock, environment: environment)
    }

    /// Deadlines as the records have moved them.
    var timelines: [SessionTimeline] { Timeline.compute(schedule, completions: records.completions) }

    /// The member `id` names; an unknown id is refused with the list of members (exit 65).
    func member(_ id: String) throws -> Member {
        guard let member = schedule.member(id) else {
            throw RoundTableError.invalid("Unknown member '\(id)'. Members: \(schedule.members.map(\.id).joined(separator: ", ")).")
        }
        return member
    }

    /// The series' calendar as the records stand, stamped now: what `export` writes and
    /// `publish` puts on a server.
    func feed(includeTodos: Bool) -> FeedBuilder {
        FeedBuilder(schedule: schedule, records: records, stamp: LocalDateTime(secondsSinceEpoch: clock.now()), includeTodos: includeTodos)
    }
}
