import Foundation
import Testing
import TestSupport

/// The layering of docs/architecture.md, held by Package.swift: a file may import only what its
/// target declares. The compiler does not check this for modules that arrive transitively (the
/// store could import ICalendar because Core depends on it), so this test does.
@Suite struct LayeringTests {
    /// Modules every target may import: the toolchain's own.
    private static let toolchain: Set<String> = [
        "Foundation", "FoundationEssentials", "FoundationNetworking", "FoundationXML", "Glibc", "Darwin", "Dispatch",
        "Synchronization", "Testing", "XCTest",
    ]
    /// The one import Package.swift cannot declare: Yams' libyaml, read by YAMLAliasGuard
    /// (docs/architecture.md says why).
    private static let undeclarable: [String: Set<String>] = ["RoundTableCore": ["CYaml"]]

    private struct Manifest: Decodable {
        struct Target: Decodable {
            let name: String
            let type: String
            let path: String?
            let dependencies: [[String: [Dependency?]]]
        }
        /// A dependency is a name followed by conditions; only the name matters here.
        enum Dependency: Decodable {
            case name(String), other
            init(from decoder: any Decoder) throws {
                self = (try? decoder.singleValueContainer().decode(String.self)).map(Dependency.name) ?? .other
            }
        }
        let targets: [Target]
    }

    @Test func everyImportIsDeclaredInPackageSwift() throws {
        let scratch = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let dump = try peer("/usr/bin/env", ["swift", "package", "--package-path", repositoryRoot.path,
                                             "--scratch-path", scratch.path, "dump-package"])
        try #require(dump.status == 0, "\(dump.stderr)")
        let manifest = try JSONDecoder().decode(Manifest.self, from: Data(dump.stdout.utf8))
        var undeclared: [String] = []
        for target in manifest.targets where ["regular", "executable", "test"].contains(target.type) {
            let declared = Set(target.dependencies.compactMap { dependency -> String? in
                guard case .name(let name)? = dependency.values.first?.first else { return nil }
                return name
            })
            let allowed = declared.union(Self.toolchain).union(Self.undeclarable[target.name] ?? [])
            let folder = repositoryRoot.appendingPathComponent(target.path ?? (target.type == "test" ? "Tests/\(target.name)" : "Sources/\(target.name)"))
            for file in try swiftFiles(in: folder) {
                let text = try String(contentsOf: file, encoding: .utf8)
                for line in text.split(separator: "\n") {
                    let words = line.split(separator: " ")
                    guard let at = words.firstIndex(of: "import"), at + 1 < words.count,
                          words[..<at].allSatisfy({ $0.hasPrefix("@") }) else { continue }
                    let module = String(words[at + 1])
                    if !allowed.contains(module) {
                        undeclared.append("\(file.path.dropFirst(repositoryRoot.path.count + 1)): import \(module) (\(target.name) declares \(declared.sorted().joined(separator: ", ")))")
                    }
                }
            }
        }
        #expect(undeclared.isEmpty, "\(undeclared.joined(separator: "\n"))")
    }

    private func swiftFiles(in folder: URL) throws -> [URL] {
        guard let walk = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        return walk.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
    }
}
