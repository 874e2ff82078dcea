import ICalendar
import RoundTableCore
import RoundTableStore

/// What a command that reads the records works from, loaded once at its start.
struct Context {
    let loaded: LoadedSchedule
    let asOf: LocalDate
    let store: StateStore
    let records: Records

    var schedule: Schedule { loaded.schedule }

    /// Deadlines as the records have moved them.
    var timelines: [SessionTimeline] { Timeline.compute(schedule, completions: records.completions) }
}
