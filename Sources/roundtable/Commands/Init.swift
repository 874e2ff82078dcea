import ArgumentParser
import RoundTableStore

extension RoundTable {
    /// `roundtable init`: make the state on purpose. Every other command but `import` refuses a
    /// state that is not there, so a mistyped `--state` never starts an empty series.
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Create the state (a file or a postgres:// database) and set it up for the schedule's series, or every series of a folder.",
            discussion: """
                Run it once per state and series; running it again changes nothing. Every other command (but \
                'roundtable import', which creates a state too) refuses a state that does not exist (exit 66), and \
                invite, remind, disseminate and publish refuse a series the state was not set up for (exit 66). \
                A PostgreSQL database must exist already (its DBA creates it); init creates roundtable's tables in it.
                """)

        @OptionGroup var options: CommonOptions

        func run() throws {
            let ids = try options.loadSchedules().map(\.schedule.series.id)
            let existing = try options.existingStore()
            let store = try existing ?? options.openStore(ifMissing: .create)
            print(existing == nil ? "Created the state at '\(store.path)' (\(options.stateSource))."
                  : "The state at '\(store.path)' (\(options.stateSource)) already exists.")
            let already = try store.setUp(series: ids)
            for id in ids { print(already.contains(id) ? "\(id): already set up" : "\(id): set up") }
        }
    }
}
