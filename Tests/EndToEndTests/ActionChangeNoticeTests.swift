import Foundation
import Testing
import TestSupport

/// Telling each person what changed for her (issue 24, item 3): an action given to someone
/// else is announced to its new owner and noted in the former owner's next digest; a due date
/// that moves with its session is announced to its owner, old → new. Each once, however cron runs.
@Suite struct ActionChangeNoticeTests {
    @Test func aReassignedActionAndADueDateMovedWithItsSessionAreEachToldOnce() throws {
        let workspace = try SmallGroup.workspace()
        let outbox = workspace.folder.appendingPathComponent("outbox")
        #expect(try workspace.rt(["invite", "--outbox", outbox.path]).status == 0)
        let add = try workspace.rt(["action", "add", "--session", "s1", "--owner", "omar", "--text", "Bring the anthology", "--as-of", "2026-09-15"])
        #expect(add.status == 0, "\(add.stderr)")
        #expect(try workspace.rt(["action", "edit", "A1", "--owner", "niamh", "--as-of", "2026-09-20"]).status == 0)

        let digests = workspace.folder.appendingPathComponent("digests")
        let dry = try workspace.rt(["remind", "--as-of", "2026-09-21", "--dry-run"])
        #expect(dry.stdout.contains("reminder to niamh <niamh@rrc.example.org>: given:A1 ("), "\(dry.stdout)")
        #expect(dry.stdout.contains("reminder to omar <omar@rrc.example.org>: handed-on:A1 ("), "\(dry.stdout)")
        let first = try workspace.rt(["remind", "--as-of", "2026-09-21", "--outbox", digests.path], ["ROUNDTABLE_NOW": "2026-09-21T07:00:00Z"])
        #expect(first.status == 0, "\(first.stderr)")
        var mails = try SmallGroup.mails(in: digests)
        try SmallGroup.expectGolden(mails.first { $0.to?.contains("niamh@") == true }?.plain, "action-given.txt")
        try SmallGroup.expectGolden(mails.first { $0.to?.contains("omar@") == true }?.plain, "action-handed-on.txt")

        // s2 is cancelled: A1, due by the next session, now falls due at s3.
        try SmallGroup.change(workspace, [("subject: Short stories, location: Library,", "subject: Short stories, status: cancelled, location: Library,")])
        let moved = try workspace.rt(["remind", "--as-of", "2026-09-23", "--outbox", digests.path], ["ROUNDTABLE_NOW": "2026-09-23T07:00:00Z"])
        #expect(moved.status == 0, "\(moved.stderr)")
        #expect(moved.stdout.contains("due-moved:A1:2026-11-10"), "\(moved.stdout)")
        mails = try SmallGroup.mails(in: digests) { $0.hasPrefix("remind.2026-09-23.niamh.") }
        try SmallGroup.expectGolden(mails.first?.plain, "action-due-moved.txt")

        // Cron misses days; nothing is told twice.
        for day in ["2026-09-26", "2026-09-29"] {
            let again = try workspace.rt(["remind", "--as-of", day, "--outbox", digests.path], ["ROUNDTABLE_NOW": "\(day)T07:00:00Z"])
            #expect(again.status == 0, "\(again.stderr)")
            #expect(!again.stdout.contains("given:") && !again.stdout.contains("handed-on:") && !again.stdout.contains("due-moved:"), "\(again.stdout)")
        }
        let all = try SmallGroup.mails(in: digests)
        #expect(all.filter { $0.plain?.contains("now yours") == true }.count == 1)
        #expect(all.filter { $0.plain?.contains("due date moved") == true }.count == 1)
        let dump = try workspace.rt(["dump"]).stdout
        #expect(dump.contains("due-moved:A1:2026-11-10"), "the ledger keeps it, so an import keeps it told")
    }
}
