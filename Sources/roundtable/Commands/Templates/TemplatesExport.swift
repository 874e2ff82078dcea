import ArgumentParser
import Foundation
import RoundTableDocuments

extension RoundTable.Templates {
    /// `roundtable templates export DIR`: the built-in templates as files, to reword and then name
    /// with --templates (or keep only the ones changed: the folder overrides file by file).
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write the built-in templates into a folder, to start a reworded set from.")

        @Argument(help: ArgumentHelp("The folder to write into (created if need be).", valueName: "folder"))
        var folder: String

        @Flag(help: "Overwrite template files already in the folder.")
        var force = false

        func run() throws {
            let files = try Templates.builtIn.keys.sorted().map { name in
                (path: try TextFile.path(named: name + Templates.fileExtension, in: folder), text: Templates.builtIn[name]!)
            }
            let existing = files.map(\.path).filter { FileManager.default.fileExists(atPath: $0) }
            if !existing.isEmpty && !force {
                throw RoundTableError.invalid("'\(existing[0])' already exists\(existing.count > 1 ? " (and \(existing.count - 1) more)" : ""); "
                    + "it may hold reworded text. Use --force to replace the templates in '\(folder)'.")
            }
            for file in files {
                try TextFile.write(file.text, to: file.path, what: "the template")
                print("wrote \(file.path)")
            }
        }
    }
}
