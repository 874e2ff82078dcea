import Foundation
import Testing
import TestSupport

/// Nothing reads or changes what the whole process shares except in the one place each belongs:
/// the environment is read once (`Support/Environment.swift`) and the wall clock in one place
/// (`Support/Clock.swift`), both passed down from the options through `Context`; nothing sets
/// `TZ` (zone names come from the TZif files), and nothing flushes every filesystem of the host
/// (`sync()`): the files written are flushed, on their own filesystem.
@Suite struct ProcessWideStateTests {
    private struct Rule {
        let what: String
        let patterns: [String]
        /// Files (relative to Sources/) or folders (ending in "/") where the pattern may appear.
        let allowedIn: [String]
    }

    private static let rules = [
        Rule(what: "a read of the process environment",
             patterns: ["ProcessInfo.processInfo.environment", "getenv(", "secure_getenv("],
             allowedIn: ["roundtable/Support/Environment.swift", "roundtable-serve/RoundTableServe.swift"]),
        Rule(what: "a change of the process environment", patterns: ["setenv(", "unsetenv(", "putenv(", "tzset("], allowedIn: []),
        Rule(what: "a read of the wall clock",
             patterns: ["Date()", "Date.now", "Date(timeIntervalSinceNow", "time(nil)", "gettimeofday(", "CLOCK_REALTIME"],
             allowedIn: ["roundtable/Support/Clock.swift", "roundtable-serve/RoundTableServe.swift"]),
        Rule(what: "the process's clock or environment outside the options that pass them down",
             patterns: ["Clock.process", "Environment.process"],
             allowedIn: ["roundtable/Support/Clock.swift", "roundtable/Support/Environment.swift", "roundtable/Options/",
                         "roundtable/RoundTable.swift"]),
        Rule(what: "a flush of every filesystem", patterns: ["sync()"], allowedIn: []),
    ]

    @Test func processWideStateIsTouchedOnlyWhereItBelongs() throws {
        let sources = repositoryRoot.appendingPathComponent("Sources")
        let walk = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        var found: [String] = []
        for case let file as URL in walk where file.pathExtension == "swift" {
            let relative = String(file.path.dropFirst(sources.path.count + 1))
            // Benchmarks and fuzzers are programs of their own, timed by the clock they read.
            guard !relative.hasPrefix("roundtable-bench/") && !relative.hasPrefix("fuzz-") else { continue }
            let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            for (number, line) in lines.enumerated() where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                for rule in Self.rules where !rule.allowedIn.contains(where: { relative == $0 || $0.hasSuffix("/") && relative.hasPrefix($0) }) {
                    for pattern in rule.patterns where Self.calls(line, pattern) {
                        found.append("Sources/\(relative):\(number + 1): \(rule.what) (\(pattern))")
                    }
                }
            }
        }
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }

    /// Whether `line` has `pattern` as a call of its own, not as the end of a longer name
    /// (`fsync(`, `syncfs`, `ContinuousClock.now`).
    private static func calls(_ line: Substring, _ pattern: String) -> Bool {
        var rest = line[...]
        while let range = rest.range(of: pattern) {
            let before = rest[..<range.lowerBound].last
            if before.map({ !($0.isLetter || $0.isNumber || $0 == "_") }) ?? true { return true }
            rest = rest[range.upperBound...]
        }
        return false
    }

    /// `export --dir` over an organisation flushes what it wrote with `syncfs` on the output's
    /// filesystem, and never calls `sync`, which would wait for every disk of the host.
    @Test func anOrganisationExportFlushesItsOwnFilesystemOnly() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let schedules = folder.appendingPathComponent("schedules")
        try FileManager.default.createDirectory(at: schedules, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("schedules/ajc-2012.yaml"),
                                         to: schedules.appendingPathComponent("ajc.yaml"))
        let env = ["ROUNDTABLE_STATE": folder.appendingPathComponent("state.sqlite").path, "ROUNDTABLE_NOW": "2012-11-26T09:00:00Z"]
        #expect(try roundtable(["init", "-s", schedules.path], environment: env).status == 0)
        let trace = folder.appendingPathComponent("trace").path
        let run = try roundtable(["export", "-s", schedules.path, "--dir", folder.appendingPathComponent("feeds").path], environment: env,
                                 wrapper: ["/usr/bin/strace", "-f", "-qq", "-e", "trace=sync,syncfs", "-o", trace])
        #expect(run.status == 0, "\(run.stderr)")
        let calls = try String(contentsOfFile: trace, encoding: .utf8)
        #expect(calls.contains("syncfs("), "\(calls)")
        #expect(!calls.contains(" sync()"), "\(calls)")
    }
}
