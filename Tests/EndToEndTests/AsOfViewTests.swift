import Foundation
import Testing
import TestSupport

/// `--as-of D` shows the series as it stood on D: what was done, added, edited or answered
/// after D is left out of `status`, `overdue`, `report` and `action list`.
@Suite struct AsOfViewTests {
    private let workspace: Workspace

    init() throws {
        workspace = try Workspace()
        #expect(try workspace.seed().status == 0)
    }

    private func json(_ arguments: [String]) throws -> [String: Any] {
        let run = try workspace.rt(arguments + ["--json"])
        #expect(run.status == 0 || run.status == 1, "\(run.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    private func stage(_ stage: String, of session: String, asOf day: String) throws -> [String: Any]? {
        let sessions = try json(["status", "--as-of", day])["sessions"] as? [[String: Any]] ?? []
        let stages = sessions.first { $0["id"] as? String == session }?["stages"] as? [[String: Any]] ?? []
        return stages.first { $0["stage"] as? String == stage }
    }

    @Test func aDayBeforeASessionShowsItNotYetHeld() throws {
        // The seeds record rt4 held on 26 October 2012.
        #expect(try stage("hold", of: "rt4", asOf: "2012-10-27")?["done"] as? String == "2012-10-26")
        let before = try #require(try stage("hold", of: "rt4", asOf: "2012-10-25"))
        #expect(before["done"] == nil, "\(before)")
        let status = try workspace.rt(["status", "rt4", "--as-of", "2012-10-25"])
        #expect(!status.stdout.contains("done 2012-10-26"), "\(status.stdout)")
        let report = try workspace.rt(["report", "--as-of", "2012-10-25"])
        #expect(!report.stdout.contains("| Hold | 2012-10-26 | 2012-10-26 |"), "\(report.stdout)")
        #expect(try workspace.rt(["report", "--as-of", "2012-10-27"]).stdout.contains("| Hold | 2012-10-26 | 2012-10-26 |"))
    }

    @Test func anActionAddedLaterIsAbsentAndOneDoneOrEditedLaterIsAsItWas() throws {
        let added = try workspace.rt(["action", "add", "--session", "rt4", "--owner", "tom", "--text", "Circulate the Poole slides",
                                      "--due", "2012-12-06"], ["ROUNDTABLE_NOW": "2012-11-27T10:00:00Z"])
        #expect(added.status == 0, "\(added.stderr)")
        let id = added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try workspace.rt(["action", "edit", "A5", "--text", "Collect clauses"], ["ROUNDTABLE_NOW": "2012-11-28T10:00:00Z"]).status == 0)
        #expect(try workspace.rt(["action", "done", "A6", "--on", "2012-11-28"], ["ROUNDTABLE_NOW": "2012-11-28T10:00:00Z"]).status == 0)

        let ids = { (day: String) throws -> [String] in
            try (self.json(["action", "list", "--as-of", day])["actions"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        }
        #expect(try !ids("2012-11-26").contains(id), "added on the 27th")
        #expect(try ids("2012-11-27").contains(id))
        let list = try workspace.rt(["action", "list", "--as-of", "2012-11-27"]).stdout
        #expect(list.contains("Collect examples of payment-by-results contract clauses") && !list.contains("Collect clauses"), "\(list)")
        #expect(try workspace.rt(["action", "list", "--as-of", "2012-11-28"]).stdout.contains("Collect clauses"))

        let open = { (day: String) throws -> [String] in
            try (self.json(["status", "--as-of", day])["openActions"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        }
        #expect(try open("2012-11-27").contains("A6"), "done on the 28th")
        #expect(try !open("2012-11-28").contains("A6"))
        #expect(try !open("2012-11-26").contains(id))
        let overdue = try workspace.rt(["overdue", "--as-of", "2012-11-27"])
        #expect(overdue.stdout.contains("A6"), "A6 was due on 23 November and not yet done: \(overdue.stdout)")
    }

    @Test func aDumpKeepsWhenAnActionWasRecorded() throws {
        #expect(try workspace.rt(["action", "add", "--session", "rt4", "--owner", "tom", "--text", "Slides", "--due", "2012-12-06"],
                                 ["ROUNDTABLE_NOW": "2012-11-27T10:00:00Z"]).status == 0)
        let dump = try workspace.rt(["dump"]).stdout
        #expect(dump.contains("recorded: '2012-11-27T10:00:00Z'"), "\(dump)")
        let file = workspace.folder.appendingPathComponent("backup.yaml")
        try dump.write(to: file, atomically: true, encoding: .utf8)
        let restored = try Workspace()
        #expect(try restored.rt(["import", file.path]).status == 0)
        #expect(try restored.rt(["dump"]).stdout == dump)
        #expect(try !restored.rt(["action", "list", "--as-of", "2012-11-26"]).stdout.contains("Slides"))
    }
}
