import ArgumentParser
import CalendarTime
import Foundation
import RoundTableCore

extension RoundTable {
    /// `roundtable overdue`: only what is late, with who must act; exit 1 when anything is.
    struct Overdue: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "overdue",
            abstract: "List what is overdue as of the date, with its owner. Exits 1 when anything is, 0 when nothing is.",
            discussion: "A rapporteur or facilitator who declined a session still ahead is listed too, under 'To act on', and also makes it exit 1: the organiser must find someone else.")

        @OptionGroup var options: CommonOptions

        @Flag(help: "Print JSON (schema roundtable.overdue/1, see docs/json.md; an array of them for a folder of schedules).")
        var json = false

        func run() throws {
            let contexts = try options.loadAll().map(\.asItStood)
            let folder = try options.namesFolder()
            let reports = contexts.map { context in
                OverdueReport(series: context.schedule.series.id, asOf: context.asOf.description,
                              items: RoundTableCore.Overdue.items(context.schedule, timelines: context.timelines,
                                                   actions: context.records.actions, asOf: context.asOf),
                              toActOn: RoleDecline.of(context.schedule, timelines: context.timelines,
                                                      answers: SessionAnswers(context.records), asOf: context.asOf))
            }
            if json {
                print(try folder ? JSONOutput.encode(reports) : JSONOutput.encode(reports[0]))
            } else {
                // For a folder, only the series with something late, each under its title.
                let late = zip(contexts, reports).filter(\.1.needsAction)
                let tables = late.map { context, report in
                    (folder ? "\(context.schedule.series.title) (\(context.schedule.series.id))\n" : "")
                        + OverdueTable.render(report.items, toActOn: report.toActOn, schedule: context.schedule, asOf: context.asOf)
                }
                if tables.isEmpty {
                    let asOf = options.asOf ?? contexts[0].asOf
                    print(folder ? "Nothing is overdue in the \(contexts.count) series as of \(asOf)." : "Nothing is overdue as of \(asOf).")
                } else {
                    print(tables.joined(separator: "\n"), terminator: "")
                }
            }
            if reports.contains(where: \.needsAction) { throw ExitCode(1) }
        }
    }
}

extension RoundTable.Overdue: NamedOutput {
    static let output = "the overdue list"
}
