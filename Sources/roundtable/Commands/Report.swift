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

        @Flag(help: "One self-contained HTML page with the timeline inside.")
        var html = false

        @Option(help: ArgumentHelp("Also write the timeline picture here.", valueName: "FILE.svg"))
        var timeline: String?

        func run() throws {
            let context = try options.load().asItStood
            let schedule = context.schedule
            let templates = try documents.loadTemplates(schedulePath: context.loaded.file)
            let writeups = try documents.writeupFolder.existing(in: schedule, schedulePath: context.loaded.file)
            let markdown = SeriesReport.markdown(schedule, timelines: context.timelines, records: context.records,
                                                 writeups: writeups, asOf: context.asOf, templates: templates)
            let svg = TimelineSVG.render(schedule, timelines: context.timelines, asOf: context.asOf)
            if let timeline { try TextFile.write(svg, to: timeline, what: "the timeline") }
            let text = html ? ReportPage.html(title: schedule.series.title, markdown: markdown, timelineSVG: svg) : markdown
            if let output { try TextFile.write(text, to: output, what: Self.output) } else { print(text, terminator: "") }
        }
    }
}

extension RoundTable.Report: NamedOutput {
    static let output = "the report"
}
