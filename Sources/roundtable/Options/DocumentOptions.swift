import ArgumentParser
import Foundation
import RoundTableCore
import RoundTableDocuments

/// Where templates and write-ups are: options of the commands that render or read them.
struct DocumentOptions: ParsableArguments {
    @OptionGroup var templateFolder: TemplateOptions

    @OptionGroup var writeupFolder: WriteupOptions

    /// The templates for the series whose schedule is at `schedulePath`.
    func loadTemplates(schedulePath: String) throws -> Templates {
        try templateFolder.load(besideSchedulesIn: (schedulePath as NSString).deletingLastPathComponent)
    }

    /// The write-up file of a session.
    func writeupPath(for session: String, schedulePath: String) throws -> String {
        try writeupFolder.writeupPath(for: session, schedulePath: schedulePath)
    }
}
