import ArgumentParser
import RoundTableCore
import RoundTableStore

extension RoundTable {
    /// `roundtable repair`: list the rows of the series' state that no command can read, and
    /// remove them when asked.
    struct Repair: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "repair",
            abstract: "List the rows of the state that roundtable refuses to read; --remove takes them out.",
            discussion: """
                A row roundtable never writes (a SEQUENCE out of range, an impossible date, text in a number column: a \
                hand edit, or a value an older roundtable let in) makes every command on the series exit 65, dump included. \
                repair lists each such row with its table, row id and what is wrong, and changes nothing (exit 65 when it \
                found any, 0 when there are none). With --remove it deletes exactly those rows, in one transaction, and \
                exits 0: a removed reply is asked for again, a removed invitation is sent again, a removed completion \
                is recorded again with advance, a removed action (with its history) is added again with action add.
                """)

        @OptionGroup var options: CommonOptions

        @Flag(help: "Remove the rows listed (default: only list them).")
        var remove = false

        func run() throws {
            let loaded = try options.loadSchedule()
            let series = loaded.schedule.series.id
            let store = try options.openStore()
            let refused = try store.refusedRows(series: series)
            guard !refused.isEmpty else {
                print("\(series): every row of the state can be read; nothing to repair.")
                return
            }
            for row in refused { print("\(series): \(row)") }
            guard remove else {
                throw RoundTableError.invalid("\(Plural.count(refused.count, "row")) of the state cannot be read; "
                    + "nothing was changed. Run 'roundtable repair --remove' to take \(refused.count == 1 ? "it" : "them") out.")
            }
            let removed = try store.remove(refused, series: series)
            print("\(series): removed \(Plural.count(removed, "row")).")
        }
    }
}
