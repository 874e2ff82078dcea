import ArgumentParser
import RoundTableCore
import RoundTableStore

extension RoundTable {
    /// `roundtable dump`: every record of the series as a YAML records file (a backup `import` reads).
    struct Dump: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "dump", abstract: "Write every record of the series as YAML.")

        @OptionGroup var options: CommonOptions

        @Option(name: .shortAndLong, help: "Write to this file (default: standard output).")
        var output: String?

        func run() throws {
            // The schedule and the state only: the records are read once, with their ledgers.
            let series = try options.loadSchedule().schedule.series.id
            let records = try options.openStore().records(series: series)
            // A record at a time, never the whole text: a dump of 200,000 actions is 19 MB of YAML.
            if let output {
                try TextFile.write(to: output, what: Self.output) { write in try RecordsFile.write(records, to: write) }
            } else {
                try RecordsFile.write(records) { print($0, terminator: "") }
            }
        }
    }
}

extension RoundTable.Dump: NamedOutput {
    static let output = "the dump"
}
