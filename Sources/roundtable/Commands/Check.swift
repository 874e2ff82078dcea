import ArgumentParser
import RoundTableCore
import RoundTableStore

extension RoundTable {
    /// `roundtable check`: validate the schedule, listing every error and warning with its place.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Validate the schedule (or every schedule in a folder): errors (exit 65) and warnings (exit 0) as FILE:LINE:COL.",
            discussion: "Every key is described in roundtable-schedule(5). The series' 'short-title:' (at most 40 characters; "
                + "default: its 'title:') is the name every message calls the group by: each subject opens with it in brackets, "
                + "'[Kestrel learning circle] Reminder: …'.")

        @OptionGroup var options: CommonOptions

        /// The schedule alone is checked; when the state exists, its open actions are checked
        /// against the membership too (a state is never created by `check`).
        func run() throws {
            let store = try options.existingStore()
            let schedules = try options.loadSchedules()
            let actionsOfSeries = try store?.actions(series: schedules.map(\.schedule.series.id)) ?? [:]
            for loaded in schedules {
                let actions = actionsOfSeries[loaded.schedule.series.id] ?? []
                let warnings = PlanWarnings.find(in: loaded.schedule).map { loaded.warning(session: $0.session, $0.message) }
                    + PlanWarnings.departedOwners(in: loaded.schedule, actions: actions).map { loaded.warning(member: $0.member, $0.message) }
                for warning in warnings { print(warning) }
                let s = loaded.schedule
                print("\(loaded.file): \(s.sessions.count) sessions, \(s.members.count) members, "
                      + "\(Plural.count(warnings.count, "warning")), no errors.")
                if let note = GroupOnlyNote.line(for: loaded) { print(note) }
            }
        }
    }
}
