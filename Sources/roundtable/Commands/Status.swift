import ArgumentParser
import Foundation
import RoundTableCore

/// `roundtable status`: every session, its stages, what is done and what is late.
struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show every session's stages: due, done, days overdue.")

    @OptionGroup var options: CommonOptions

    @Flag(help: "Print JSON (schema roundtable.status/1, see docs/json.md).")
    var json = false

    func run() throws {
        let schedule = try options.loadSchedule().schedule
        let asOf = try options.day(in: schedule)
        let report = StatusReport(schedule: schedule, timelines: Timeline.compute(schedule, completions: []), actions: [], asOf: asOf)
        if json {
            print(try JSONOutput.encode(report))
        } else {
            print(StatusTable.render(report, colour: isatty(STDOUT_FILENO) == 1), terminator: "")
        }
    }
}
