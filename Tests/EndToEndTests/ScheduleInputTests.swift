import Foundation
import Testing
import TestSupport

/// `check` and friends on broken schedules, through the built binary: one located line per
/// problem on standard error and the contract's exit code.
@Suite struct ScheduleInputTests {
    private var ajc: String { bundledSchedule }

    /// The bundled schedule with one piece of text replaced, written to a temporary file.
    private func brokenCopy(replacing original: String, with broken: String) throws -> String {
        try scheduleCopy(replacing: [(original, broken)])
    }

    @Test func theBundledScheduleChecksCleanWithItsOneKnownWarning() throws {
        let run = try roundtable(["check", "-s", ajc])
        #expect(run.status == 0)
        #expect(run.stdout.contains("ajc-2012.yaml:"))
        #expect(run.stdout.contains("warning: Dissemination of 'rt5'"))
        #expect(run.stdout.contains("7 sessions, 10 members, 1 warning, no errors."))
    }

    @Test(arguments: [
        ("timezone: Europe/London", "timezone: Europe/Lundun", "Unknown time zone 'Europe/Lundun'"),
        ("start: 2012-10-26T10:30:00", "start: 2012-03-25T01:30:00", "does not exist in Europe/London"),
        ("email: sam.patel@charity.example.org", "email: \"sam.patel@charity.example.org\\nBcc: all@example.org\"", "contains a line break"),
        ("  - id: rt2\n", "  - id: rt2\n    kind: [unclosed\n", "Not valid YAML"),
    ])
    func aBrokenScheduleGivesOneLocatedLineAndExit65(original: String, broken: String, message: String) throws {
        let path = try brokenCopy(replacing: original, with: broken)
        let run = try roundtable(["check", "-s", path])
        #expect(run.status == 65)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(run.stderr)")
        let pattern = try Regex("^\(NSRegularExpression.escapedPattern(for: path)):[0-9]+:[0-9]+: error: ")
        #expect(lines.first?.contains(pattern) == true, "\(run.stderr)")
        #expect(run.stderr.contains(message))
    }

    @Test func everyProblemIsListedAtOnce() throws {
        let text = try String(contentsOfFile: ajc, encoding: .utf8)
            .replacingOccurrences(of: "rapporteur: ruth", with: "rapporteur: rut")
            .replacingOccurrences(of: "writeup-within: P14D", with: "writeup-within: fortnight")
            .replacingOccurrences(of: "location: Poole", with: "locaton: Poole")
        let path = try temporaryDirectory().appendingPathComponent("plan.yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let run = try roundtable(["check", "-s", path])
        #expect(run.status == 65)
        #expect(run.stderr.split(separator: "\n").count == 3, "\(run.stderr)")
        #expect(run.stderr.contains("Did you mean 'location'?"))
    }

    @Test func aMissingScheduleIsExit66() throws {
        let run = try roundtable(["status", "-s", "/nonexistent/plan.yaml"])
        #expect(run.status == 66)
        #expect(run.stderr == "roundtable: error: '/nonexistent/plan.yaml' does not exist.\n")
    }

    @Test func aFolderWithNoScheduleIsExit66() throws {
        let folder = try temporaryDirectory().path
        let run = try roundtable(["check", "-s", folder])
        #expect(run.status == 66)
        #expect(run.stderr == "roundtable: error: '\(folder)' holds no .yaml schedule.\n")
    }

    @Test func aBadAsOfDateIsAUsageError() throws {
        let run = try roundtable(["status", "-s", ajc, "--as-of", "26/11/2012"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("'26/11/2012' is not a date"))
    }

    @Test func theScheduleIsFoundInTheSchedulesFolderWhenNotNamed() throws {
        let run = try roundtable(["check"], currentDirectory: repositoryRoot)
        #expect(run.status == 0)
        #expect(run.stdout.contains("schedules/ajc-2012.yaml"))
    }
}
