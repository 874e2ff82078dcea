import Foundation
import PackagePlugin

/// Compiles every `templates/*.mustache` of the package into RoundTableDocuments, so the binary
/// carries its default templates and works from any folder (`Templates.builtIn`).
///
/// The command's inputs are the template files, so rewording one rebuilds. Adding or removing one
/// must make SwiftPM plan the build again (and so call this plugin for the new list), but SwiftPM
/// watches only the folders of targets and plugins: `Plugins/EmbedTemplates/templates` is a
/// symbolic link to `templates/` for that reason alone. No template's text is written anywhere
/// but in templates/.
@main
struct EmbedTemplates: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let package = context.package.directoryURL
        let script = package.appending(path: "scripts/embed-templates.sh")
        let files = try FileManager.default.contentsOfDirectory(atPath: package.appending(path: "templates").path)
            .filter { $0.hasSuffix(".mustache") && !$0.hasPrefix(".") }.sorted()
            .map { package.appending(path: "templates/\($0)") }
        let output = context.pluginWorkDirectoryURL.appending(path: "BuiltInTemplates.swift")
        return [.buildCommand(
            displayName: "Embedding \(files.count) templates from templates/",
            executable: URL(fileURLWithPath: "/bin/sh"),
            arguments: [script.path, output.path] + files.map(\.path),
            inputFiles: [script] + files,
            outputFiles: [output])]
    }
}
