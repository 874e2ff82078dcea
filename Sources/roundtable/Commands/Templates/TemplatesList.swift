import ArgumentParser
import Foundation
import RoundTableDocuments

extension RoundTable.Templates {
    /// `roundtable templates list`: which file each template in use comes from, built in or a
    /// folder's, after checking them all as a run would.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the templates and partials in use and where each comes from (built in, or a file of the templates folder).")

        @Option(name: [.customShort("s"), .long], help: ArgumentHelp(
            "The schedule whose templates/ folder (beside its schedules folder) counts (default: $ROUNDTABLE_SCHEDULE, else the only file in ./schedules).",
            valueName: "file|folder"))
        var schedule: String?

        @OptionGroup var templateFolder: TemplateOptions

        func run() throws {
            // Without a schedule to place it, only a folder that was named counts.
            let schedulePath = try? CommonOptions.schedulePath(given: schedule)
            let scheduleFolder = schedulePath.map { FileManager.default.isFolder($0) ? $0 : ($0 as NSString).deletingLastPathComponent }
            let templates = try templateFolder.load(besideSchedulesIn: scheduleFolder)
            let names = templates.origins.keys.sorted()
            let width = names.map { $0.count + Templates.fileExtension.count }.max() ?? 0
            for name in names {
                let file = (name + Templates.fileExtension).padding(toLength: width, withPad: " ", startingAt: 0)
                let kind = Templates.Name(rawValue: name) == nil ? " (partial)" : ""
                switch templates.origins[name]! {
                case .builtIn: print("\(file)  built in\(kind)")
                case .file(let path): print("\(file)  \(path)\(kind)")
                }
            }
        }
    }
}
