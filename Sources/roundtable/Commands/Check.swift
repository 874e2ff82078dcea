import ArgumentParser
import RoundTableCore

/// `roundtable check`: validate the schedule, listing every error and warning with its place.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the schedule (or every schedule in a folder): errors (exit 65) and warnings (exit 0) as FILE:LINE:COL.")

    @OptionGroup var options: CommonOptions

    func run() throws {
        for loaded in try options.loadSchedules() {
            let warnings = PlanWarnings.find(in: loaded.schedule).map { loaded.warning(session: $0.session, $0.message) }
            for warning in warnings { print(warning) }
            let s = loaded.schedule
            print("\(loaded.file): \(s.sessions.count) sessions, \(s.members.count) members, "
                  + "\(warnings.count) warning\(warnings.count == 1 ? "" : "s"), no errors.")
        }
    }
}
