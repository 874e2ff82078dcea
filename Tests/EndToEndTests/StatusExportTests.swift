import CalendarTime
import Foundation
import ICalendar
import Testing
import TestSupport

/// `status` and `export` on the bundled AJC schedule, through the built binary.
@Suite struct StatusExportTests {
    private var ajc: String { bundledSchedule }
    /// A state of its own, made for the AJC series and empty.
    private let workspace: Workspace

    init() throws {
        workspace = try Workspace()
    }

    @Test func statusAsOfLateNovember2012ShowsTheRt4WriteupSeventeenDaysLate() throws {
        let run = try workspace.rt(["status", "-s", ajc, "--as-of", "2012-11-26"])
        #expect(run.status == 0)
        let rt4 = try #require(run.stdout.components(separatedBy: "\nrt4 ").last)
        #expect(rt4.contains("writeup      due 2012-11-09  sam        OVERDUE 17 days"))
        #expect(!run.stdout.contains("\u{1B}["), "no colour when not on a terminal")
        #expect(run.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    @Test func statusJSONFollowsTheDocumentedSchema() throws {
        let run = try workspace.rt(["status", "-s", ajc, "--as-of", "2012-11-26", "--json"])
        #expect(run.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["schema"] as? String == "roundtable.status/1")
        #expect(json["asOf"] as? String == "2012-11-26")
        let sessions = try #require(json["sessions"] as? [[String: Any]])
        #expect(sessions.map { $0["id"] as? String } == ["inaugural", "rt1", "rt2", "rt3", "rt4", "rt5", "seminar"])
        let seminar = try #require(sessions.last)
        #expect(seminar["when"] as? String == "2013-01-07/2013-03-29")
        let rt5 = try #require(sessions.first { $0["id"] as? String == "rt5" })
        let stages = try #require(rt5["stages"] as? [[String: Any]])
        #expect(stages.last?["due"] as? String == "2012-12-24")
        #expect(stages.first?["daysOverdue"] as? Int == 18)  // plan due 8 Nov
    }

    @Test func theFeedHasStableUIDsAndTheTimesOfTheSchedule() throws {
        let env = ["ROUNDTABLE_NOW": "2012-11-26T09:00:00Z"]
        let first = try workspace.rt(["export", "-s", ajc], env)
        let second = try workspace.rt(["export", "-s", ajc], env)
        #expect(first.status == 0)
        #expect(first.stdout == second.stdout, "the same input gives the same feed")
        let calendar = try Component.parse(first.stdout)
        #expect(calendar.property("METHOD")?.value.text == "PUBLISH")
        let events = calendar.components("VEVENT")
        let rt4 = try #require(events.first { $0.property("UID")?.value.text == "rt4.ajc-plg-2012@ajc.example.org" })
        #expect(rt4.property("DTSTART")?.value == .localDateTime(LocalDateTime(iso: "2012-10-26T10:30:00")!))
        #expect(rt4.property("DTSTART")?.parameter("TZID") == "Europe/London")
        #expect(rt4.property("DTEND")?.value == .localDateTime(LocalDateTime(iso: "2012-10-26T14:00:00")!))
        #expect(rt4.property("DTSTAMP")?.value.text == "20121126T090000Z")
        // six fixed sessions; the seminar has no day yet
        #expect(events.filter { $0.property("DTSTART")?.parameter("TZID") != nil }.count == 6)
        #expect(calendar.components("VTODO").count == 25)
    }

    @Test func aMemberFeedHoldsOnlyTheirSessionsAndDeadlines() throws {
        let run = try workspace.rt(["export", "-s", ajc, "--member", "sam", "--no-todos"])
        #expect(run.status == 0)
        let calendar = try Component.parse(run.stdout)
        let deadlines = calendar.components("VEVENT").compactMap { $0.property("UID")?.value.text }.filter { $0.contains("-due.") }
        #expect(deadlines == ["writeup-due.rt4.ajc-plg-2012@ajc.example.org"])
        #expect(calendar.components("VTODO").isEmpty)
        #expect(calendar.property("X-WR-CALNAME")?.value.text == "AJC pilot learning group: provider development (Sam Patel)")
    }

    @Test func exportDirWritesTheSeriesFeedAndOneFeedPerMember() throws {
        let dir = try temporaryDirectory().appendingPathComponent("feeds").path
        let run = try workspace.rt(["export", "-s", ajc, "--dir", dir])
        #expect(run.status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        #expect(files.count == 11)
        #expect(files.contains("ajc-plg-2012.ics"))
        #expect(files.contains("coord.ics"))
    }

    @Test func anUnknownMemberIsRefused() throws {
        let run = try workspace.rt(["export", "-s", ajc, "--member", "nobody"])
        #expect(run.status == 65)
        #expect(run.stderr.contains("Unknown member 'nobody'"))
    }
}
