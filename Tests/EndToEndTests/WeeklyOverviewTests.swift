import Foundation
import Testing
import TestSupport

/// The organiser's weekly overview (issue 24, item 6): on its weekday (`overview: monday` by
/// default), or the first run after when cron missed it, once a week, even when nothing of hers
/// is due: what is late and whose, the answers and notes for the next session, what falls due.
@Suite struct WeeklyOverviewTests {
    @Test func theOverviewComesOnceAWeekCaughtUpWhenCronMissedMondayAndWhenNothingOfHersIsDue() throws {
        let workspace = try SmallGroup.workspace(replacing: [("facilitator: jo", "facilitator: niamh")])
        let outbox = workspace.folder.appendingPathComponent("outbox")
        #expect(try workspace.rt(["invite", "--outbox", outbox.path]).status == 0)
        #expect(try workspace.rt(["advance", "s1", "hold", "--attended", "jo,niamh,omar", "--as-of", "2026-09-15"]).status == 0)
        let omar = try SmallGroup.reply("omar", "DECLINED", session: "s2", stamp: "20260902T090000Z", comment: "Can someone else be rapporteur?",
                                        in: workspace.folder)
        #expect(try workspace.rt(["rsvp", omar], ["ROUNDTABLE_NOW": "2026-09-02T12:00:00Z"]).status == 0)
        let digests = workspace.folder.appendingPathComponent("digests")
        // The runs up to Sunday 4 October, so that what is sent from then on is the week's.
        #expect(try workspace.rt(["remind", "--as-of", "2026-10-04", "--outbox", digests.path], ["ROUNDTABLE_NOW": "2026-10-04T07:00:00Z"]).status == 0)

        // Cron misses Monday 5 October: Tuesday's run brings the overview.
        let tuesday = try workspace.rt(["remind", "--as-of", "2026-10-06", "--outbox", digests.path], ["ROUNDTABLE_NOW": "2026-10-06T07:00:00Z"])
        #expect(tuesday.status == 0, "\(tuesday.stderr)")
        #expect(tuesday.stdout.contains("overview (due 2026-10-05"), "\(tuesday.stdout)")
        let overview = try #require(try SmallGroup.mails(in: digests) { $0.hasPrefix("remind.2026-10-06.jo.") }.first)
        #expect(overview.subject == "[Riverside Reading Circle] Reminder: 2 coming up", "the overview is not counted as an item")
        try SmallGroup.expectGolden(overview.plain, "weekly-overview.txt")
        for day in ["2026-10-07", "2026-10-09"] {
            let again = try workspace.rt(["remind", "--as-of", day, "--outbox", digests.path], ["ROUNDTABLE_NOW": "\(day)T07:00:00Z"])
            #expect(!again.stdout.contains("overview"), "once a week: \(again.stdout)")
        }
        #expect(try workspace.rt(["remind", "--as-of", "2026-10-12", "--outbox", digests.path], ["ROUNDTABLE_NOW": "2026-10-12T07:00:00Z"])
            .stdout.contains("overview (due 2026-10-12"))
        // On Monday 19 October nothing of hers is due, and the overview still comes, alone.
        #expect(try workspace.rt(["advance", "s2", "hold", "--attended", "jo,niamh", "--as-of", "2026-10-13"]).status == 0)
        let quiet = try workspace.rt(["remind", "--as-of", "2026-10-19", "--dry-run"])
        let toJo = quiet.stdout.split(separator: "\n").filter { $0.contains("reminder to jo ") }
        #expect(toJo == ["would send: reminder to jo <jo@rrc.example.org>: overview (due 2026-10-19)"], "\(quiet.stdout)")
        let alone = try workspace.rt(["remind", "--as-of", "2026-10-19", "--outbox", digests.path], ["ROUNDTABLE_NOW": "2026-10-19T07:00:00Z"])
        #expect(alone.status == 0, "\(alone.stderr)")
        let mail = try #require(try SmallGroup.mails(in: digests) { $0.hasPrefix("remind.2026-10-19.jo.") }.first)
        #expect(mail.subject == "[Riverside Reading Circle] Weekly overview")
    }

    @Test func theOverviewDayIsAPolicyKeyAndNeverTurnsItOff() throws {
        let never = try SmallGroup.workspace(replacing: [("  default-duration: PT2H\n", "  default-duration: PT2H\n  overview: never\n")])
        #expect(!(try never.rt(["remind", "--as-of", "2026-10-06", "--dry-run"]).stdout.contains("overview")))
        let friday = try SmallGroup.workspace(replacing: [("  default-duration: PT2H\n", "  default-duration: PT2H\n  overview: friday\n")])
        #expect(try friday.rt(["remind", "--as-of", "2026-10-06", "--dry-run"]).stdout.contains("overview (due 2026-10-02"))
        let path = try temporaryDirectory().appendingPathComponent("rrc.yaml").path
        try SmallGroup.edited([("  default-duration: PT2H\n", "  default-duration: PT2H\n  overview: fortnightly\n")])
            .write(toFile: path, atomically: true, encoding: .utf8)
        let check = try Workspace(["ROUNDTABLE_SCHEDULE": path], initialised: false).rt(["init"])
        #expect(check.status == 65 && check.stderr.contains("Unknown day 'fortnightly' for 'overview'"), "\(check.stderr)")
    }
}
