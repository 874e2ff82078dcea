import Foundation
import Testing
import TestSupport

/// The report as it is shown to a board: a valid HTML5 page whose structure says what it shows
/// (each action one item with its history under it, a cancelled session said to be one, the title
/// before the timeline and the timeline's facts as a table), and no value cut short anywhere.
@Suite struct ReportPageTests {
    private static let longPlace = "Liverpool, Cunard Building (Room 2.14), Pier Head, Liverpool L3 1QB"

    /// The AJC season with a long place for rt3, rt5 cancelled, rt2's write-up done late (the
    /// seeds' own) and an action of rt4 that changed hands.
    private func season() throws -> Workspace {
        let path = try scheduleCopy(replacing: [
            ("location: Wakefield", "location: \"\(Self.longPlace)\""),
            ("facilitator: helen\n    rapporteur: eoin\n    attendees: all\n", "facilitator: helen\n    rapporteur: eoin\n    attendees: all\n    status: cancelled\n    reason: the venue flooded\n"),
        ])
        let workspace = try Workspace(["ROUNDTABLE_SCHEDULE": path, "ROUNDTABLE_WRITEUPS": try temporaryDirectory().path])
        let seeded = try workspace.seed()
        #expect(seeded.status == 0, "\(seeded.stderr)")
        let added = try workspace.rt(["action", "add", "--session", "rt4", "--owner", "dan", "--as-of", "2012-11-20",
                                      "--text", "Draft the seminar's paper on payment by results"])
        #expect(added.status == 0, "\(added.stderr)")
        let id = added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try workspace.rt(["action", "edit", id, "--owner", "sam", "--as-of", "2012-11-22"]).status == 0)
        return workspace
    }

    /// The page parsed by html5lib (no parse error allowed) and summarised by check_html.py.
    private func parsed(_ page: String) throws -> [String: Any] {
        let run = try peer("/usr/bin/python3", [peerScript("check_html.py"), page])
        #expect(run.status == 0, "html5lib: \(run.stderr)")
        return try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    @Test func theHTMLReportIsValidAndSaysWhatHappenedToEverySession() throws {
        let workspace = try season()
        let page = workspace.folder.appendingPathComponent("report.html").path
        let run = try workspace.rt(["report", "--as-of", "2012-11-26", "--html", "-o", page])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try parsed(page)

        let body = report["body"] as? [String] ?? []
        #expect(Array(body.prefix(3)) == ["header", "figure", "table"], "the title, then the timeline and its table: \(body)")
        #expect(report["scripts"] as? Int == 0)
        let svg = try #require((report["svg"] as? [[String: Any]])?.first)
        #expect(svg["role"] as? String == "img")
        #expect((svg["title"] as? String)?.contains("timeline as of 2012-11-26") == true)
        #expect((svg["desc"] as? String)?.contains("1 session cancelled") == true, "\(svg)")
        #expect((report["captions"] as? [String])?.first == "The timeline as a table")
        #expect(try #require(report["facts"] as? [String]).contains { $0.contains("rt2") && $0.contains("done 2012-07-10 (5 days late)") },
                "the late write-up is said to be late in the table")

        let sections = try #require(report["sections"] as? [[String: Any]])
        func section(_ id: String) throws -> [String: Any] {
            try #require(sections.first { ($0["heading"] as? String)?.hasPrefix("\(id):") == true }, "no section \(id)")
        }
        let rt5 = try section("rt5")
        #expect((rt5["text"] as? String)?.contains("Cancelled. This session will not be held, and nothing is owed for it. Why: the venue flooded.") == true,
                "\(rt5)")
        #expect(rt5["tableCount"] as? Int == 0, "no empty stage table for a cancelled session")
        #expect((rt5["text"] as? String)?.contains("No learning points") == false)
        #expect((try section("rt3")["text"] as? String)?.contains(Self.longPlace) == true, "the place in full")

        let actions = try #require((try section("rt4")["lists"] as? [[[String: Any]]])?.last)
        #expect(actions.map { ($0["text"] as? String)?.prefix(3) } == ["A5 ", "A6 ", "A7 "], "one item per action: \(actions)")
        #expect(actions.last?["nested"] as? [String] == ["changed 2012-11-22: owner dan → sam"], "\(actions)")
        #expect(actions.dropLast().allSatisfy { ($0["nested"] as? [String])?.isEmpty == true })
        #expect(!(report["text"] as? String ?? "").contains("Room 2 "), "nothing cut short")
    }

    @Test func statusAndTheTimelineNeverCutAValueWithoutSayingSo() throws {
        let workspace = try season()
        let status = try workspace.rt(["status", "--as-of", "2012-11-26"])
        #expect(status.status == 0, "\(status.stderr)")
        let words = status.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains(Self.longPlace), "the place wrapped, not cut:\n\(status.stdout)")
        #expect(status.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })

        let svg = workspace.folder.appendingPathComponent("timeline.svg").path
        #expect(try workspace.rt(["report", "--as-of", "2012-11-26", "--timeline", svg, "-o", workspace.folder.appendingPathComponent("report.md").path]).status == 0)
        let picture = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(picture.contains("rt3 · Liverpool, Cunard Building (Room 2.14…"), "cut with an ellipsis")
        #expect(picture.contains("<title>rt3: Round table: Procurement (Competitive Dialogue): sharing of experiences, \(Self.longPlace)</title>"),
                "and given whole in its title")
        #expect(picture.contains("rt5 · Luton (cancelled)"))
        #expect(picture.contains("class=\"late\""), "rt2's late write-up is drawn late")
        #expect(picture.contains("class=\"session-day\""))
    }

    @Test func thePublicReportLeavesOutWhatTheGroupKeepsAndMembersStillGetEverything() throws {
        let workspace = try season()
        let writeups = workspace.env["ROUNDTABLE_WRITEUPS"]!
        try """
            ## Discussion and learning points

            ### Technical issues

            - Shared data standards cut duplicate assessments

            ### Cultural issues (group only)

            - Trust between two named providers broke down over the tender
            """.write(toFile: writeups + "/rt4.md", atomically: true, encoding: .utf8)
        #expect(try workspace.rt(["advance", "rt4", "writeup", "--on", "2012-11-26", "--as-of", "2012-11-26"]).status == 0)

        let note = "Group only: 1 write-up area (rt4: 1), left out of report --public."
        #expect(try workspace.rt(["check"]).stdout.contains(note))
        #expect(try workspace.rt(["status", "--as-of", "2012-11-26"]).stdout.contains(note))

        let group = try workspace.rt(["report", "--as-of", "2012-11-26", "--html"])
        #expect(group.stdout.contains("Trust between two named providers") && group.stdout.contains("Grace Okafor"))
        let page = workspace.folder.appendingPathComponent("public.html").path
        #expect(try workspace.rt(["report", "--as-of", "2012-11-26", "--html", "--public", "-o", page]).status == 0)
        let text = try #require(try parsed(page)["text"] as? String)
        #expect(text.contains("Shared data standards cut duplicate assessments"))
        #expect(!text.contains("Trust between two named providers") && !text.contains("Cultural issues"), "\(text)")
        for name in ["Grace Okafor", "Priya Shah", "Tom Whitfield", "owner dan"] { #expect(!text.contains(name), "\(name)") }
        #expect(text.contains("Alex Morgan") && text.contains("Sam Patel"), "the organiser and a rapporteur speak for the group")
        let markdown = try workspace.rt(["report", "--as-of", "2012-11-26", "--public"]).stdout
        #expect(!markdown.contains("Trust between two named providers") && !markdown.contains("Grace Okafor"))

        let outbox = workspace.folder.appendingPathComponent("outbox")
        #expect(try workspace.rt(["disseminate", "rt4", "--as-of", "2012-11-26", "--outbox", outbox.path]).status == 0)
        let mails = try ReceivedMail.read(try FileManager.default.contentsOfDirectory(atPath: outbox.path).map { outbox.appendingPathComponent($0) })
        #expect(!mails.isEmpty && mails.allSatisfy { $0.plain?.contains("Trust between two named providers") == true },
                "members get the group-only area")
    }
}
