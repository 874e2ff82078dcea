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
            let context = try options.load()
            let text = try RecordsFile.write(try context.store.records(series: context.schedule.series.id))
            if let output { try TextFile.write(text, to: output, what: Self.output) } else { print(text, terminator: "") }
        }
    }
}

extension RoundTable.Dump: NamedOutput {
    static let output = "the dump"
}
