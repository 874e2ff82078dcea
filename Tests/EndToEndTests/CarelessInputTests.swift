import Foundation
import Testing
import TestSupport

/// What a careless coordinator (or a hand-edited file) can give roundtable, through the built
/// binary: each refused with its exit code and a message that says where and why, nothing
/// crashes or hangs. Every run is under `timeout 20`, so a hang shows as exit 124, not a stuck suite.
@Suite struct CarelessInputTests {
    private let bounded = ["/usr/bin/timeout", "20"]

    private func check(_ schedule: String) throws -> Run {
        try roundtable(["check", "-s", schedule], wrapper: bounded)
    }

    /// The one located error line a broken schedule should give.
    private func expectOneLocatedError(_ run: Run, in path: String, _ message: String) throws {
        #expect(run.status == 65, "\(run.stderr)")
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(run.stderr)")
        let located = try Regex("^\(NSRegularExpression.escapedPattern(for: path)):[0-9]+:[0-9]+: error: ")
        #expect(lines.first?.contains(located) == true, "\(run.stderr)")
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }

    @Test(arguments: [
        ("invite-lead: P28D", "invite-lead: P9223372036854775807W"),
        ("invite-lead: P28D", "invite-lead: P9999999999D"),
        ("invite-lead: P28D", "invite-lead: P11Y"),
        ("default-duration: PT3H", "default-duration: PT9223372036854775807S"),
        ("overdue-every: P7D", "overdue-every: P99999999W"),
    ])
    func aDurationTooLongToPlanIsRefusedAtItsLine(original: String, broken: String) throws {
        let path = try scheduleCopy(replacing: [(original, broken)])
        try expectOneLocatedError(try check(path), in: path, "is longer than 10 years, the longest any plan may use")
    }

    @Test func aHugeDurationThatOnceHungEveryCommandIsRefusedByEach() throws {
        let path = try scheduleCopy(replacing: [("invite-lead: P28D", "invite-lead: P9999999999D")])
        let workspace = try Workspace(["ROUNDTABLE_SCHEDULE": path], initialised: false)
        for command in [["export"], ["report"], ["remind", "--dry-run"], ["status"], ["init"]] {
            let run = try workspace.rt(command + ["--as-of", "2012-11-26"], ["ROUNDTABLE_TEMPLATES": repositoryRoot.appendingPathComponent("templates").path])
            #expect(run.status == 65, "\(command): \(run.stderr)")
            #expect(run.stderr.contains("longer than 10 years"), "\(command)")
        }
    }

    @Test(arguments: [
        ("start: 2012-02-24T11:00:00", "start: 9999-02-24T11:00:00", "The start 9999-02-24 is outside the years 1900–2200"),
        ("window: {from: 2013-01-07, to: 2013-03-29}", "window: {from: 1066-01-07, to: 2013-03-29}", "is outside the years 1900–2200"),
    ])
    func aDateOutsideTheYearsRoundtablePlansInIsRefusedAtItsLine(original: String, broken: String, message: String) throws {
        let path = try scheduleCopy(replacing: [(original, broken)])
        try expectOneLocatedError(try check(path), in: path, message)
    }

    @Test(arguments: [["--as-of", "9999-12-31"], ["--as-of", "2012-13-01"]])
    func aDateOptionOutsideTheRangeIsAUsageError(arguments: [String]) throws {
        let run = try Workspace().rt(["status"] + arguments)
        #expect(run.status == 64)
        #expect(run.stderr.contains("outside the years 1900–2200") || run.stderr.contains("is not a date"), "\(run.stderr)")
    }

    @Test(arguments: ["2012-11-26", "yesterday", "2012-11-26T09:00:00"])
    func aClockStandInThatIsNotAnInstantIsRefusedNotReplacedByTheRealClock(now: String) throws {
        let run = try Workspace().rt(["overdue"], ["ROUNDTABLE_NOW": now])
        #expect(run.status == 64)
        #expect(run.stderr == "roundtable: error: ROUNDTABLE_NOW '\(now)' is not an ISO 8601 instant such as "
            + "2012-11-26T09:00:00Z; unset it to use the system clock.\n")
    }

    /// Nine aliases of nine aliases…: a few hundred bytes standing for billions of values.
    private static func aliasBomb(asKeys: Bool) -> String {
        var lines = ["l0: &l0 [x, x, x, x, x, x, x, x, x]"]
        for level in 1...12 {
            let previous = "*l\(level - 1)"
            let items = asKeys ? (0..<2).map { "? \(previous) : \($0)" } : Array(repeating: previous, count: 9)
            lines.append("l\(level): &l\(level) " + (asKeys ? "{" : "[") + items.joined(separator: ", ") + (asKeys ? "}" : "]"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test(arguments: [false, true])
    func anAliasBombInAScheduleIsRefusedAtOnce(asKeys: Bool) throws {
        let path = try temporaryDirectory().appendingPathComponent("bomb.yaml").path
        try Self.aliasBomb(asKeys: asKeys).write(toFile: path, atomically: true, encoding: .utf8)
        try expectOneLocatedError(try check(path), in: path,
                                  asKeys ? "is used as a key; keys must be written out" : "Aliases here stand for more than 100000 values")
    }

    @Test func anAliasBombInARecordsFileIsRefusedAndNothingIsImported() throws {
        let workspace = try Workspace()
        #expect(try workspace.seed().status == 0)
        let before = try workspace.rt(["dump"]).stdout
        let path = workspace.folder.appendingPathComponent("bomb.yaml").path
        try ("series: ajc-plg-2012\n" + Self.aliasBomb(asKeys: true)).write(toFile: path, atomically: true, encoding: .utf8)
        let run = try workspace.rt(["import", path], ["ROUNDTABLE_NOW": "2012-11-26T09:00:00Z"])
        #expect(run.status == 65, "\(run.stderr)")
        #expect(run.stderr.contains("bomb.yaml:3:"), "\(run.stderr)")
        #expect(try workspace.rt(["dump"]).stdout == before)
    }

    @Test func aDuplicateKeyIsReportedWithItsLineAndColumn() throws {
        let path = try scheduleCopy(replacing: [("  writeup-within: P14D\n", "  writeup-within: P14D\n  writeup-within: P15D\n")])
        try expectOneLocatedError(try check(path), in: path, "Duplicated key 'writeup-within'")
    }

    @Test(arguments: ["..", ".", ".hidden"])
    func anIdThatWouldNameAFolderAboveOrAHiddenFileIsRefused(id: String) throws {
        let path = try scheduleCopy(replacing: [("  id: ajc-plg-2012", "  id: \"\(id)\"")])
        try expectOneLocatedError(try check(path), in: path, "may not hold '.': it separates the session from the series")
        let web = try temporaryDirectory()
        let feeds = web.appendingPathComponent("feeds")
        let export = try roundtable(["export", "-s", (path as NSString).deletingLastPathComponent, "--dir", feeds.path,
                                     "--state", web.appendingPathComponent("state.sqlite").path])
        #expect(export.status == 65)
        #expect(try FileManager.default.contentsOfDirectory(atPath: web.path) == ["state.sqlite"] ||
                !FileManager.default.fileExists(atPath: feeds.path), "nothing written")
    }

    @Test(arguments: [
        ("tom@bücher.example", "its domain is not ASCII; write it in its IDNA form"),
        (String(repeating: "t", count: 2000) + "@council.example.org", "its name part is longer than 64 characters"),
        ("tom@council_example.org", "its domain should be a domain name"),
    ])
    func anAddressSendingWouldRefuseIsRefusedByCheckAtItsLine(address: String, reason: String) throws {
        let path = try scheduleCopy(replacing: [("email: tom.whitfield@council.example.org", "email: \(address)")])
        let run = try check(path)
        try expectOneLocatedError(run, in: path, "is not an email address roundtable can send to: \(reason)")
        #expect(run.stderr.utf8.count < 400, "a long address is cut in the message")
    }
}
