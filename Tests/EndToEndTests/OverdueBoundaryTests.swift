import Foundation
import Testing
import TestSupport

/// "Overdue" is one rule (`Overdue.days`): on the due day nothing is late, the day after it is
/// one day late, and every output that says so agrees: `overdue`, `status`, the timeline picture
/// and the reminder's subject.
@Suite struct OverdueBoundaryTests {
    /// The inaugural meeting's plan stage is due 2012-01-27; A1 (coord's) is made due that day too.
    private func workspace() throws -> Workspace {
        let workspace = try Workspace()
        let add = try workspace.rt(["action", "add", "--session", "inaugural", "--owner", "coord", "--text", "Book the room",
                                    "--due", "2012-01-27", "--force", "--as-of", "2012-01-20"])
        #expect(add.status == 0, "\(add.stderr)")
        return workspace
    }

    private func outputs(_ workspace: Workspace, asOf day: String) throws -> (overdue: Run, status: String, timeline: String, subject: String) {
        let svg = workspace.folder.appendingPathComponent("timeline-\(day).svg")
        #expect(try workspace.rt(["report", "--as-of", day, "--timeline", svg.path, "-o", workspace.folder.appendingPathComponent("r.md").path]).status == 0)
        let outbox = workspace.folder.appendingPathComponent("outbox-\(day)")
        let remind = try workspace.rt(["remind", "--as-of", day, "--outbox", outbox.path], ["ROUNDTABLE_NOW": day + "T07:00:00Z"])
        #expect(remind.status == 0, "\(remind.stderr)")
        let mails = try ReceivedMail.read(try FileManager.default.contentsOfDirectory(at: outbox, includingPropertiesForKeys: nil))
        return (try workspace.rt(["overdue", "--json", "--as-of", day]), try workspace.rt(["status", "--json", "--as-of", day]).stdout,
                try String(contentsOf: svg, encoding: .utf8), try #require(mails.first { $0.to.contains("alex.morgan") }).subject)
    }

    /// How many times `text` holds `"daysOverdue" : days`.
    private func late(_ text: String, _ days: Int) throws -> Int { text.matches(of: try Regex("\"daysOverdue\" : \(days)\\b")).count }

    @Test func onTheDueDayNothingIsOverdueAndTheDayAfterEveryOutputSaysOneDay() throws {
        let workspace = try workspace()
        let due = try outputs(workspace, asOf: "2012-01-27")
        #expect(due.overdue.status == 0)
        #expect(try late(due.overdue.stdout, 1) == 0)
        #expect(try late(due.status, 1) == 0)
        #expect(!due.status.contains("\"daysOverdue\" : 2"), "\(due.status)")
        #expect(due.timeline.contains("; 0 overdue") && !due.timeline.contains("class=\"overdue\""))
        #expect(!due.subject.contains("overdue"), "\(due.subject)")

        let after = try outputs(workspace, asOf: "2012-01-28")
        #expect(after.overdue.status == 1)
        #expect(try late(after.overdue.stdout, 1) == 2, "the stage and A1: \(after.overdue.stdout)")
        #expect(try late(after.status, 1) == 2, "\(after.status)")
        #expect(after.timeline.contains("; 1 overdue") && after.timeline.components(separatedBy: "class=\"overdue\"").count == 2)
        #expect(after.subject.contains("2 overdue"), "\(after.subject)")
    }
}
