import ArgumentParser
import Foundation
import RoundTableCore
import RoundTableDocuments

/// Where templates and write-ups are: options of the commands that render or read them.
struct DocumentOptions: ParsableArguments {
    @OptionGroup var templateFolder: TemplateOptions

    @Option(help: "The write-ups folder (default: $ROUNDTABLE_WRITEUPS, else writeups/ beside the schedule file).")
    var writeups: String?

    /// The templates for the series whose schedule is at `schedulePath`.
    func loadTemplates(schedulePath: String) throws -> Templates {
        try templateFolder.load(besideSchedulesIn: (schedulePath as NSString).deletingLastPathComponent)
    }

    /// The write-up file of a session.
    func writeupPath(for session: String, schedulePath: String) throws -> String {
        try TextFile.path(named: "\(session).md", in: Self.writeupsFolder(given: writeups, schedulePath: schedulePath))
    }

    /// The write-ups folder: `given`, else $ROUNDTABLE_WRITEUPS, else writeups/ beside the schedule.
    static func writeupsFolder(given: String?, schedulePath: String) -> String {
        given ?? Environment.value("ROUNDTABLE_WRITEUPS")
            ?? ((schedulePath as NSString).deletingLastPathComponent as NSString).appendingPathComponent("writeups")
    }
}
