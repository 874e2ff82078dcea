import ArgumentParser
import Foundation
import RoundTableCore
import RoundTableDocuments

extension RoundTable {
    /// `roundtable writeup`: the Markdown skeleton a rapporteur fills in after a session.
    struct Writeup: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "writeup",
            abstract: "Write a session's write-up skeleton (never over an existing file without --force).")

        @OptionGroup var options: CommonOptions
        @OptionGroup var documents: DocumentOptions

        @Argument(help: "The session id, e.g. rt4.", completion: Completions.sessions)
        var session: String

        @Option(name: .shortAndLong, help: "Write here instead of the write-ups folder; '-' for standard output.")
        var output: String?

        @Flag(help: "Overwrite an existing write-up.")
        var force = false

        func run() throws {
            let context = try options.load()
            let session = try StageRules.session(self.session, in: context.schedule)
            let templates = try documents.loadTemplates(schedulePath: context.loaded.file)
            let text = WriteupSkeleton.render(session, in: context.schedule, records: context.records, templates: templates)
            if output == "-" {
                print(text, terminator: "")
                return
            }
            let path = try output ?? documents.writeupPath(for: session.id, schedulePath: context.loaded.file)
            if FileManager.default.fileExists(atPath: path) && !force {
                throw RoundTableError.invalid("'\(path)' already exists; it may hold someone's notes. Use --force to replace it.")
            }
            try TextFile.write(text, to: path, what: "the write-up skeleton")
            print("wrote \(path)")
        }
    }
}
