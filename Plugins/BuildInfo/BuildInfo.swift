import Foundation
import PackagePlugin

/// Writes `BuildInfo.commit`, the git commit the `roundtable` binary is built from, for
/// `roundtable --version`: a report from a server then names the exact source.
///
/// The command is run again when git's HEAD moves (a commit, a checkout, a reset): its inputs are
/// the HEAD file and HEAD's reflog, which every such move rewrites. Outside a git checkout (a
/// release tarball) there is nothing to watch, and the script says the commit is unknown.
@main
struct BuildInfo: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let package = context.package.directoryURL
        let script = package.appending(path: "scripts/build-info.sh")
        let output = context.pluginWorkDirectoryURL.appending(path: "BuildInfo.swift")
        let watched = gitDirectory(of: package).map { [$0.appending(path: "HEAD"), $0.appending(path: "logs/HEAD")] } ?? []
        return [.buildCommand(
            displayName: "Recording the git commit",
            executable: URL(fileURLWithPath: "/bin/sh"),
            arguments: [script.path, output.path, package.path],
            inputFiles: [script] + watched.filter { FileManager.default.fileExists(atPath: $0.path) },
            outputFiles: [output])]
    }

    /// `.git` itself, or the folder a `.git` file names (`gitdir: …` in a worktree or submodule).
    private func gitDirectory(of package: URL) -> URL? {
        let dotGit = package.appending(path: ".git")
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dotGit.path, isDirectory: &isFolder) else { return nil }
        if isFolder.boolValue { return dotGit }
        guard let text = try? String(contentsOf: dotGit, encoding: .utf8), text.hasPrefix("gitdir: ") else { return nil }
        let path = text.dropFirst("gitdir: ".count).trimmingCharacters(in: .whitespacesAndNewlines)
        return path.hasPrefix("/") ? URL(fileURLWithPath: path) : package.appending(path: path)
    }
}
