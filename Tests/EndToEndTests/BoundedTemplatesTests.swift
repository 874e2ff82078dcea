import Foundation
import Testing
import TestSupport

/// A templates folder that would crash the renderer or grow without bound is refused when it is
/// read, by `templates list` and by every command that renders, before `remind` takes the lock.
@Suite struct BoundedTemplatesTests {
    private let workspace: Workspace
    private let templates: URL

    init() throws {
        workspace = try Workspace()
        #expect(try workspace.seed().status == 0)
        templates = workspace.folder.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
    }

    /// Each file of `files` written into the templates folder, by name without `.mustache`.
    private func write(_ files: [String: String]) throws {
        for (name, text) in files {
            try text.write(to: templates.appendingPathComponent(name + ".mustache"), atomically: true, encoding: .utf8)
        }
    }

    private func expectRefused(naming file: String, _ reason: String) throws {
        let env = workspace.env.merging(["ROUNDTABLE_TEMPLATES": templates.path]) { $1 }
        let outbox = workspace.folder.appendingPathComponent("outbox").path
        for arguments in [["templates", "list"], ["remind", "--as-of", "2012-11-26", "--outbox", outbox],
                          ["report", "--as-of", "2012-11-26"]] {
            let run = try roundtable(arguments, environment: env, wrapper: hardLimits(addressSpaceMiB: 4096, seconds: 30))
            #expect(run.status == 65, "\(arguments): \(run.stderr)")
            #expect(run.stderr == "roundtable: error: The template '\(templates.path)/\(file).mustache' \(reason)\n", "\(arguments)")
        }
        #expect(!FileManager.default.fileExists(atPath: outbox), "nothing was sent")
    }

    @Test func threeThousandNestedSectionsAreRefusedNotACrash() throws {
        try write(["reminder.txt": "{{% CONTENT_TYPE: TEXT}}\n" + String(repeating: "{{#owed}}", count: 3000)
                   + String(repeating: "{{/owed}}", count: 3000)])
        try expectRefused(naming: "reminder.txt", "nests sections and partials 3000 deep; at most 32 levels are allowed.")
    }

    @Test func partialsThatEachIncludeTheNextTwiceAreRefusedNotExpanded() throws {
        var files = ["reminder.txt": "{{% CONTENT_TYPE: TEXT}}\n{{> p0}}", "p25": "{{recipient}} "]
        for level in 0..<25 { files["p\(level)"] = "{{> p\(level + 1)}}{{> p\(level + 1)}}" }
        try write(files)
        try expectRefused(naming: "p0", "is longer than 1 MiB with its partials written out in place "
                          + "(a partial included several times counts each time); include fewer partials, or fewer times.")
    }
}
