import ArgumentParser
import Foundation
import RoundTableCore
import RoundTableDocuments

/// Where templates and write-ups are: options of the commands that render or read them.
struct DocumentOptions: ParsableArguments {
    @Option(help: "The templates folder (default: $ROUNDTABLE_TEMPLATES, else templates/ beside the schedules folder, else ./templates).")
    var templates: String?

    @Option(help: "The write-ups folder (default: $ROUNDTABLE_WRITEUPS, else writeups/ beside the schedule file).")
    var writeups: String?

    /// The templates, all read and parsed now so a broken one stops the command before it acts.
    func loadTemplates(schedulePath: String) throws -> Templates {
        let env = ProcessInfo.processInfo.environment["ROUNDTABLE_TEMPLATES"].flatMap { $0.isEmpty ? nil : $0 }
        let besideSchedules = ((schedulePath as NSString).deletingLastPathComponent as NSString)
            .appendingPathComponent("../templates")
        let folder = templates ?? env ?? [besideSchedules, "templates"].first { FileManager.default.fileExists(atPath: $0) } ?? "templates"
        return try Templates(directory: folder, sources: try templateSources(in: folder))
    }

    /// The text of every `*.mustache` file in `folder` (not in its subfolders), by name without
    /// the extension; each read through `TextFile`, so it is size-limited, UTF-8 and inside the folder.
    private func templateSources(in folder: String) throws -> [String: String] {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasSuffix(Templates.fileExtension) && !$0.hasPrefix(".") }
        var sources: [String: String] = [:]
        for file in files {
            let name = String(file.dropLast(Templates.fileExtension.count))
            sources[name] = try TextFile.read(Templates.path(of: name, in: folder), within: folder)
        }
        return sources
    }

    /// The write-up file of a session.
    func writeupPath(for session: String, schedulePath: String) throws -> String {
        let env = ProcessInfo.processInfo.environment["ROUNDTABLE_WRITEUPS"].flatMap { $0.isEmpty ? nil : $0 }
        let folder = writeups ?? env ?? ((schedulePath as NSString).deletingLastPathComponent as NSString).appendingPathComponent("writeups")
        return try TextFile.path(named: "\(session).md", in: folder)
    }
}
