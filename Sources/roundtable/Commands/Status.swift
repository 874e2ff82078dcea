import ArgumentParser
import Foundation
import RoundTableCore

/// `roundtable status`: every session, its stages, what is done and what is late.
struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show every session's stages (due, done, days overdue) and open actions.")

    @OptionGroup var options: CommonOptions

    @Flag(help: "Print JSON (schema roundtable.status/1, see docs/json.md; an array of them for a folder of schedules).")
    var json = false

    func run() throws {
        let reports = try options.loadAll().map { context in
            StatusReport(schedule: context.schedule, timelines: context.timelines, actions: context.records.actions,
                         replies: try context.store.replies(series: context.schedule.series.id), asOf: context.asOf)
        }
        if json {
            print(try options.namesFolder() ? JSONOutput.encode(reports) : JSONOutput.encode(reports[0]))
        } else {
            let colour = isatty(STDOUT_FILENO) == 1
            print(reports.map { StatusTable.render($0, colour: colour) }.joined(separator: "\n"), terminator: "")
        }
    }
}
