import ArgumentParser
import Foundation
import RoundTableCore

/// `roundtable overdue`: only what is late, with who must act; exit 1 when anything is.
struct OverdueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overdue",
        abstract: "List what is overdue as of the date, with its owner. Exits 1 when anything is, 0 when nothing is.")

    @OptionGroup var options: CommonOptions

    @Flag(help: "Print JSON (schema roundtable.overdue/1, see docs/json.md).")
    var json = false

    func run() throws {
        let context = try options.load()
        let items = Overdue.items(context.schedule, timelines: context.timelines, actions: context.records.actions, asOf: context.asOf)
        if json {
            print(try JSONOutput.encode(OverdueReport(series: context.schedule.series.id, asOf: context.asOf.description, items: items)))
        } else if items.isEmpty {
            print("Nothing is overdue as of \(context.asOf).")
        } else {
            print(OverdueTable.render(items, schedule: context.schedule, asOf: context.asOf), terminator: "")
        }
        if !items.isEmpty { throw ExitCode(1) }
    }
}
