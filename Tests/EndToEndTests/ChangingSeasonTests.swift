import Foundation
import Testing
import TestSupport

/// A season that changes, through the built binary: actions edited, dropped and re-dated,
/// members who leave, and write-ups written as people write them.
@Suite struct ChangingSeasonTests {
    @Test func theAJCsOwnProseWriteUpReachesTheReportAndEveryMemberWithoutItsComments() throws {
        var workspace = try Workspace()
        workspace.env["ROUNDTABLE_WRITEUPS"] = repositoryRoot.appendingPathComponent("schedules/writeups").path
        #expect(try workspace.seed().status == 0)
        let report = try workspace.rt(["report", "--as-of", "2012-11-26"])
        #expect(report.status == 0, "\(report.stderr)")
        let rt1 = try #require(report.stdout.components(separatedBy: "## rt1:").dropFirst().first?.components(separatedBy: "## rt2:").first)
        #expect(!rt1.contains("No learning points recorded yet"))
        #expect(rt1.contains("**Political and economic issues**"))
        #expect(rt1.contains("- There was clear agreement within the group that the uses of terminology can often be misleading"))

        #expect(try workspace.rt(["advance", "rt1", "--undo"]).status == 0, "rt1 was disseminated in the seeds: take that back")
        let outbox = workspace.folder.appendingPathComponent("outbox")
        let sent = try workspace.rt(["disseminate", "rt1", "--as-of", "2012-05-18", "--outbox", outbox.path], ["ROUNDTABLE_NOW": "2012-05-18T09:00:00Z"])
        #expect(sent.status == 0, "\(sent.stderr)")
        let mails = try ReceivedMail.read(try FileManager.default.contentsOfDirectory(at: outbox, includingPropertiesForKeys: nil))
        #expect(mails.count == 10)
        #expect(mails.allSatisfy { $0.plain?.contains("Intellectual Property is also becoming more of an issue") == true })
        #expect(mails.allSatisfy { $0.plain?.contains("<!--") == false }, "guidance comments are never sent")
    }

    @Test func actionsAreEditedDroppedAndDoneOnceAndTheirHistoryIsKeptInABackup() throws {
        let workspace = try Workspace()
        #expect(try workspace.seed().status == 0)
        let edit = try workspace.rt(["action", "edit", "A4", "--owner", "dan", "--due", "2012-12-06", "--as-of", "2012-11-20"])
        #expect(edit.status == 0, "\(edit.stderr)")
        #expect(edit.stdout == "A4 (dan, due 2012-12-06): Circulate the Competitive Dialogue lessons-learned log\n")
        #expect(try workspace.rt(["action", "drop", "A6", "--reason", "Luton collects its own evidence", "--as-of", "2012-11-21"]).status == 0)
        let again = try workspace.rt(["action", "done", "A2", "--as-of", "2012-11-22"])
        #expect(again.status == 65)
        #expect(again.stderr == "roundtable: error: Action A2 was already done on 2012-06-15. Use 'action reopen A2' first if that was a mistake.\n")
        let gone = try workspace.rt(["action", "edit", "A6", "--text", "x", "--as-of", "2012-11-22"])
        #expect(gone.status == 65 && gone.stderr.contains("Action A6 was dropped on 2012-11-21."))

        let overdue = try workspace.rt(["overdue", "--as-of", "2012-11-26"]).stdout
        #expect(!overdue.contains("Ask members for evidence sources"), "a dropped action is owed by no one")
        #expect(!overdue.contains("lessons-learned log"), "re-dated to December")
        let long = "Compare the evaluation frameworks used across the five round tables and report back to the seminar in the spring"
        #expect(try workspace.rt(["action", "add", "--session", "rt5", "--owner", "zoe", "--text", long, "--as-of", "2012-11-26"]).stdout == "A7\n")
        let list = try workspace.rt(["action", "list"]).stdout
        #expect(list.split(separator: "\n").allSatisfy { $0.count <= 80 })
        #expect(list.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ").contains(long), "the whole text")

        let dump = try workspace.rt(["dump"]).stdout
        #expect(dump.contains("history: [{on: 2012-11-20, field: due, before: 2012-10-26, after: 2012-12-06}, {on: 2012-11-20, field: owner, before: grace, after: dan}]"))
        #expect(dump.contains("dropped: 2012-11-21, reason: Luton collects its own evidence"))
        #expect(dump.contains("due-follows: next-session"))
        let file = workspace.folder.appendingPathComponent("backup.yaml")
        try dump.write(to: file, atomically: true, encoding: .utf8)
        let restored = try Workspace()
        #expect(try restored.rt(["import", file.path]).status == 0)
        #expect(try restored.rt(["dump"]).stdout == dump, "import then dump gives the same bytes")
    }

    @Test func aMemberWhoLeftIsNotInvitedAndHerOpenActionIsFlaggedByCheck() throws {
        let schedule = try scheduleCopy(replacing: [(
            "{id: grace, name: Grace Okafor, email: grace.okafor@justice.example.org,",
            "{id: grace, left: 2012-10-01, name: Grace Okafor, email: grace.okafor@justice.example.org,")])
        let workspace = try Workspace(["ROUNDTABLE_SCHEDULE": schedule])
        #expect(try workspace.seed().status == 0)
        let check = try workspace.rt(["check"])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("warning: Action A4 (open, due 2012-10-26) is owned by 'grace', who is not a member then (left 2012-10-01); "
            + "give it to someone else with 'roundtable action edit A4 --owner ID', or drop it."), "\(check.stdout)")
        let outbox = workspace.folder.appendingPathComponent("outbox")
        let invite = try workspace.rt(["invite", "rt5", "--outbox", outbox.path, "--as-of", "2012-11-08"], ["ROUNDTABLE_NOW": "2012-11-08T09:00:00Z"])
        #expect(invite.status == 0, "\(invite.stderr)")
        #expect(!invite.stdout.contains("grace"), "she left before rt5")
        #expect(invite.stdout.split(separator: "\n").filter { $0.hasPrefix("sent: REQUEST") }.count == 8, "nine members, less the organiser")
        let status = try workspace.rt(["status", "--as-of", "2012-11-26", "--json"]).stdout
        #expect(status.contains("\"noAnswer\" : 9") || status.contains("\"noAnswer\":9"), "nine invited to rt5")
    }
}

extension ChangingSeasonTests {
    /// Grace left on 1 Oct and still owns A4 (overdue since 26 Oct): she is reminded of nothing,
    /// so cron's log line must not name tomorrow as the next reminder day every day for her.
    @Test func remindsLogLineNamesNoNextDayForTheWorkOfAMemberWhoLeft() throws {
        let schedule = try scheduleCopy(replacing: [(
            "{id: grace, name: Grace Okafor, email: grace.okafor@justice.example.org,",
            "{id: grace, left: 2012-10-01, name: Grace Okafor, email: grace.okafor@justice.example.org,")])
        let workspace = try Workspace(["ROUNDTABLE_SCHEDULE": schedule, "ROUNDTABLE_NOW": "2012-11-26T07:00:00Z"])
        #expect(try workspace.seed().status == 0)
        let outbox = workspace.folder.appendingPathComponent("outbox")
        let first = try workspace.rt(["remind", "--as-of", "2012-11-26", "--outbox", outbox.path])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(!first.stdout.contains("grace"), "she is sent nothing")
        let again = try workspace.rt(["remind", "--as-of", "2012-11-27", "--outbox", outbox.path])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stderr == "remind: 0 digests sent, 0 failed, next reminder due 2012-11-29\n")
    }
}

/// Who came, who answered what, and what the coordinator is told each day.
@Suite struct AttendanceAndAnswersTests {
    @Test func holdRecordsWhoCameAndStatusOfOneSessionShowsEachPerson() throws {
        let workspace = try Workspace()
        #expect(try workspace.seed().status == 0)
        #expect(try workspace.rt(["advance", "rt5", "hold", "--on", "2012-12-06", "--as-of", "2012-12-05"]).status == 65,
                "not after the as-of day")
        let early = try workspace.rt(["advance", "rt5", "hold", "--on", "2012-12-05", "--as-of", "2012-12-07"])
        #expect(early.status == 65)
        #expect(early.stderr == "roundtable: error: Cannot record 'rt5' held on 2012-12-05: it cannot be held before Thu 6 Dec 2012. "
            + "Record it on or after that day.\n")
        let held = try workspace.rt(["advance", "rt5", "hold", "--on", "2012-12-06", "--absent", "tom,ruth", "--as-of", "2012-12-07"])
        #expect(held.status == 0, "\(held.stderr)")
        #expect(held.stdout.hasSuffix("rt5: 8 attended: coord, priya, grace, dan, helen, sam, eoin, zoe\n"))
        let detail = try workspace.rt(["status", "rt5", "--as-of", "2012-12-07"]).stdout
        #expect(detail.contains("Thu 6 Dec 2012, 10:30–14:00 GMT · Luton"))
        #expect(detail.contains("    Alex Morgan              organiser\n"))
        #expect(detail.contains("    Tom Whitfield            no answer\n"))
        #expect(detail.contains("Attended (8)"))
        #expect(detail.contains("Open actions carried in"))
        let json = try workspace.rt(["status", "rt5", "--json", "--as-of", "2012-12-07"]).stdout
        #expect(json.contains("\"attended\" : [\n    \"coord\","), "\(json)")
        #expect(try workspace.rt(["advance", "rt5", "--undo"]).status == 0)
        #expect(!(try workspace.rt(["status", "rt5", "--json", "--as-of", "2012-12-07"]).stdout.contains("\"attended\"")),
                "an undone hold takes its attendance with it")
    }

    @Test func theOrganisersDigestEndsWithWhatOthersOweAndACancelledSessionHasNoFindings() throws {
        let workspace = try Workspace()
        #expect(try workspace.seed().status == 0)
        let outbox = workspace.folder.appendingPathComponent("outbox")
        #expect(try workspace.rt(["remind", "--as-of", "2012-11-26", "--outbox", outbox.path]).status == 0)
        let mails = try ReceivedMail.read(try FileManager.default.contentsOfDirectory(at: outbox, includingPropertiesForKeys: nil))
        let alex = try #require(mails.first { $0.to.contains("alex.morgan") })
        let others = try #require(alex.plain?.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "Late, with others:\n").dropFirst().first)
        #expect(others.hasPrefix("  - Circulate the Competitive Dialogue lessons-learned log\n    Grace Okafor, was due Fri 26 Oct (31 days ago) (ref A4)\n"))
        #expect(others.contains("  - Write up Round table: Balancing operational and commercial interests in commissioning (Fri 26 Oct)\n"
            + "    Sam Patel, was due Fri 9 Nov (17 days ago) (ref rt4 writeup)\n"))
        #expect(mails.filter { $0.plain?.contains("Late, with others") == true }.count == 1, "only the organiser's")

        let cancelled = try scheduleCopy(replacing: [("    location: Wakefield\n", "    location: Wakefield\n    status: cancelled\n")])
        let run = try workspace.rt(["disseminate", "rt3", "--outbox", outbox.path], ["ROUNDTABLE_SCHEDULE": cancelled])
        #expect(run.status == 65)
        #expect(run.stderr == "roundtable: error: 'rt3' is cancelled in the schedule: it was not held, so there are no findings to send.\n")
    }
}
