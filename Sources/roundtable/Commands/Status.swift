import ArgumentParser
import Foundation
import RoundTableCore
import RoundTableStore

extension RoundTable {
    /// `roundtable status`: every session, its stages, what is done and what is late; or one
    /// session in detail, with each invited member's answer.
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status", abstract: "Show every session's stages (due, done, days overdue) and open actions, or one session in detail.")

        @OptionGroup var options: CommonOptions
        @OptionGroup var writeupFolder: WriteupOptions

        @Argument(help: "One session to show in detail: who answered what, who attended, its actions.", completion: Completions.sessions)
        var session: String?

        @Flag(help: "Print JSON (schema roundtable.status/1, see docs/json.md; an array of them for a folder of schedules).")
        var json = false

        func run() throws {
            if let session {
                let context = try options.load().asItStood
                let found = try StageRules.session(session, in: context.schedule)
                let report = StatusReport(schedule: context.schedule, timelines: context.timelines, records: context.records, asOf: context.asOf,
                                          writeups: try writeupFolder.existing(in: context.schedule, schedulePath: context.loaded.file))
                if json {
                    print(try JSONOutput.encode(report.sessions.first { $0.id == session }))
                } else {
                    let agreed = context.records.actions.filter { $0.session == session }
                    let carried = CarriedActions.into(found, in: context.schedule, actions: context.records.actions)
                    let web = try context.store.webAnswerers(series: context.schedule.series.id, session: session)
                    print(StatusTable.render(report, session: session, actions: agreed, carried: carried, colour: isatty(STDOUT_FILENO) == 1,
                                             answeredOnTheWeb: web), terminator: "")
                }
                return
            }
            let contexts = try options.loadAll().map(\.asItStood)
            let writeups = try contexts.map { try writeupFolder.existing(in: $0.schedule, schedulePath: $0.loaded.file) }
            let reports = zip(contexts, writeups).map { context, writeups in
                StatusReport(schedule: context.schedule, timelines: context.timelines, records: context.records, asOf: context.asOf,
                             writeups: writeups)
            }
            if json {
                print(try options.namesFolder() ? JSONOutput.encode(reports) : JSONOutput.encode(reports[0]))
            } else {
                let colour = isatty(STDOUT_FILENO) == 1
                print(zip(reports, zip(contexts, writeups)).map { report, read in
                    StatusTable.render(report, colour: colour)
                        + (GroupOnlyNote.line(read.0.schedule, writeups: read.1).map { "\n" + $0 + "\n" } ?? "")
                }.joined(separator: "\n"), terminator: "")
            }
        }
    }
}

extension RoundTable.Status: NamedOutput {
    static let output = "the status"
}
