import Foundation
import Testing
import TestSupport

/// One reading of a write-up for every reader: the report, the findings mail and `status`.
@Suite struct WriteupReadersTests {
    private let workspace: Workspace
    private let path: URL

    init() throws {
        var workspace = try Workspace()
        workspace.env["ROUNDTABLE_WRITEUPS"] = workspace.folder.appendingPathComponent("writeups").path
        self.workspace = workspace
        path = workspace.folder.appendingPathComponent("writeups/rt4.md")
        #expect(try workspace.seed().status == 0)
        #expect(try workspace.rt(["writeup", "rt4"]).status == 0)
        #expect(try workspace.rt(["advance", "rt4", "writeup", "--on", "2012-11-27"]).status == 0)
    }

    /// The skeleton with a paragraph above the first area and the areas named filled in.
    private func fill(_ areas: [String]) throws {
        var text = try String(contentsOf: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "\n### Technical issues", with: "\nThe group met in Poole with two guests from the Treasury.\n\n### Technical issues")
        for area in areas {
            text = text.replacingOccurrences(of: "### \(area)\n\n- \n", with: "### \(area)\n\n- Learning about \(area.lowercased())\n")
        }
        try text.write(to: path, atomically: true, encoding: .utf8)
    }

    private func disseminate(_ extra: [String] = []) throws -> (Run, [ReceivedMail]) {
        let outbox = workspace.folder.appendingPathComponent("outbox")
        let run = try workspace.rt(["disseminate", "rt4", "--as-of", "2012-11-28", "--outbox", outbox.path] + extra)
        let files = (try? FileManager.default.contentsOfDirectory(at: outbox, includingPropertiesForKeys: nil)) ?? []
        return (run, try ReceivedMail.read(files.filter { $0.pathExtension == "eml" }))
    }

    /// The text under "Learning points" of rt4 in the report.
    private func reportedPoints() throws -> String {
        let report = try workspace.rt(["report", "--as-of", "2012-11-28"])
        #expect(report.status == 0, "\(report.stderr)")
        return try #require(report.stdout.components(separatedBy: "## rt4:").dropFirst().first?.components(separatedBy: "## rt5:").first)
    }

    @Test func theReportAndTheFindingsMailCarryTheSameWriteupText() throws {
        let areas = ["Technical issues", "Operational issues", "Cultural issues", "Political and economic issues"]
        try fill(areas)
        let (run, mails) = try disseminate()
        #expect(run.status == 0, "\(run.stderr)")
        #expect(mails.count == 10)
        let report = try reportedPoints()
        for text in ["The group met in Poole with two guests from the Treasury."] + areas.map({ "Learning about \($0.lowercased())" }) {
            #expect(report.contains(text), "report: \(text)")
            #expect(mails.allSatisfy { $0.plain?.contains(text) == true }, "mail: \(text)")
        }
    }

    @Test func anAreaLeftAsTheSkeletonStopsDisseminateAndStatusCallsTheWriteupIncomplete() throws {
        try fill(["Technical issues", "Operational issues"])
        let before = try workspace.rt(["dump"]).stdout
        let (refused, none) = try disseminate()
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("'Cultural issues', 'Political and economic issues' still hold only the skeleton's placeholder"),
                "\(refused.stderr)")
        #expect(none.isEmpty)
        #expect(try workspace.rt(["dump"]).stdout == before, "nothing recorded")
        let status = try workspace.rt(["status", "--as-of", "2012-11-28"])
        #expect(status.stdout.contains("write-up incomplete: Cultural issues, Political and economic issues"), "\(status.stdout)")
        let json = try workspace.rt(["status", "rt4", "--json", "--as-of", "2012-11-28"])
        let rt4 = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(rt4["unfilledAreas"] as? [String] == ["Cultural issues", "Political and economic issues"])

        let (sent, mails) = try disseminate(["--allow-empty"])
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(mails.count == 10)
        #expect(mails.allSatisfy { ($0.plain ?? "").contains("### Operational issues") && !($0.plain ?? "").contains("### Cultural issues") },
                "the unfilled areas are left out")
    }
}
