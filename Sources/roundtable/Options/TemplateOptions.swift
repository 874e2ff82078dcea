import ArgumentParser
import Foundation
import RoundTableDocuments

/// Which folder of templates, if any, replaces built-in templates file by file.
///
/// Only a folder that was asked for (`--templates`, `ROUNDTABLE_TEMPLATES`) or that sits beside
/// the schedules folder is read; the working folder never is, so cron, a shell in the home
/// folder and a coordinator in the project checkout all send the same words.
struct TemplateOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "A folder whose *.mustache files replace the built-in templates of the same name (default: $ROUNDTABLE_TEMPLATES, else templates/ beside the schedules folder, if there is one).",
        valueName: "folder"))
    var templates: String?

    /// The folder whose files replace built-in templates; nil when every template is built in.
    /// `scheduleFolder` is the folder holding the schedule; its sibling `templates/` is used
    /// when it exists. A folder that was named and is not there is refused (exit 66).
    func folder(besideSchedulesIn scheduleFolder: String?) throws -> String? {
        let environment = Environment.process.value("ROUNDTABLE_TEMPLATES")
        if let named = templates ?? environment {
            guard FileManager.default.isFolder(named) else {
                throw RoundTableError.inputMissing("The templates folder '\(named)' (\(templates == nil ? "ROUNDTABLE_TEMPLATES" : "--templates")) "
                    + "does not exist or is not a folder.")
            }
            return named
        }
        guard let scheduleFolder else { return nil }
        let beside = ((scheduleFolder as NSString).appendingPathComponent("..") as NSString).appendingPathComponent("templates")
        return FileManager.default.isFolder(beside) ? beside : nil
    }

    /// The built-in templates with the folder's files in their place, all parsed now so a broken
    /// one stops the command before it acts.
    func load(besideSchedulesIn scheduleFolder: String?) throws -> Templates {
        guard let folder = try folder(besideSchedulesIn: scheduleFolder) else { return try Templates() }
        return try Templates(folder: folder, overrides: try Self.sources(in: folder))
    }

    /// The text of every `*.mustache` file in `folder` (not in its subfolders), by name without
    /// the extension; each read through `TextFile`, so it is size-limited, UTF-8 and inside the folder.
    private static func sources(in folder: String) throws -> [String: String] {
        let files: [String]
        do {
            files = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            throw RoundTableError.inputMissing("The templates folder '\(folder)' cannot be read (check its permissions).")
        }
        var sources: [String: String] = [:]
        for file in files where file.hasSuffix(Templates.fileExtension) && !file.hasPrefix(".") {
            let name = String(file.dropLast(Templates.fileExtension.count))
            sources[name] = try TextFile.read(Templates.path(of: name, in: folder), within: folder)
        }
        return sources
    }
}
