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
            // The schedule and the state only: the records are read as they are written, with their ledgers.
            let series = try options.loadSchedule().schedule.series.id
            // A record at a time, read and written: a dump of 200,000 actions is 19 MB of YAML.
            try options.openStore().withOrderedRecords(series: series) { records in
                if let output {
                    try TextFile.write(to: output, what: Self.output) { write in try RecordsFile.write(records, to: write) }
                } else {
                    try RecordsFile.write(records) { print($0, terminator: "") }
                }
            }
        }
    }
}

extension RoundTable.Dump: NamedOutput {
    static let output = "the dump"
}
