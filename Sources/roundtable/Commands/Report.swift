import ArgumentParser
import Foundation
import RoundTableCore
import RoundTableDocuments

extension RoundTable {
    /// `roundtable report`: the series report for the seminar organisers, and its timeline picture.
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Write the series report (Markdown, or one HTML page with --html) and optionally the timeline as SVG.")

        @OptionGroup var options: CommonOptions
        @OptionGroup var documents: DocumentOptions

        @Option(name: .shortAndLong, help: "Write the report here (default: standard output).")
        var output: String?

        @Flag(help: "One self-contained HTML page (the built-in layout, with an A4 print style) with the timeline and its facts as a table.")
        var html = false

        @Option(help: ArgumentHelp("Also write the timeline picture here.", valueName: "FILE.svg"))
        var timeline: String?

        @Flag(name: .customLong("public"), help: "For an outside audience: leave out the write-up areas marked '(group only)' and the names of members other than the organiser and the rapporteurs.")
        var forPublic = false

        func run() throws {
            let context = try options.load().asItStood
            let schedule = context.schedule
            let templates = try documents.loadTemplates(schedulePath: context.loaded.file)
            let writeups = try documents.writeupFolder.existing(in: schedule, schedulePath: context.loaded.file)
            let svg = TimelineSVG.render(schedule, timelines: context.timelines, asOf: context.asOf)
            if let timeline { try TextFile.write(svg, to: timeline, what: "the timeline") }
            let text = html
                ? SeriesReport.html(schedule, timelines: context.timelines, records: context.records, writeups: writeups,
                                    asOf: context.asOf, timelineSVG: svg, audience: forPublic ? .public : .group)
                : SeriesReport.markdown(schedule, timelines: context.timelines, records: context.records, writeups: writeups,
                                        asOf: context.asOf, templates: templates, audience: forPublic ? .public : .group)
            if let output { try TextFile.write(text, to: output, what: Self.output) } else { print(text, terminator: "") }
        }
    }
}

extension RoundTable.Report: NamedOutput {
    static let output = "the report"
}
