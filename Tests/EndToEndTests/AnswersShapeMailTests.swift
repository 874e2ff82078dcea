import Foundation
import Testing
import TestSupport

/// What members answered shapes what `remind` sends, through the built binary, day by day with
/// `--as-of`, for a small reading circle: who declined is not reminded to come, the organiser is
/// told once of a rapporteur who declined and of a session short of its quorum, who has not
/// answered is asked once, and nothing goes on a quiet day, nor is lost or doubled by one.
@Suite struct AnswersShapeMailTests {
    private let folder: URL
    private let scheduleFile: URL
    private let state: String

    init() throws {
        folder = try temporaryDirectory()
        scheduleFile = folder.appendingPathComponent("harbour.yaml")
        state = folder.appendingPathComponent("state.sqlite").path
        try Self.plan.write(to: scheduleFile, atomically: true, encoding: .utf8)
    }

    /// Olive organises; Ann is s1's rapporteur, Ben its facilitator.
    static let plan = """
        series:
          id: harbour-2026
          title: Harbour reading circle
          timezone: Europe/London
          organiser: olive
          uid-domain: harbour.example.org
        policy:
          quorum: 4
          quiet-days: [sat, sun, 12-25]
        members:
          - {id: olive, name: Olive Grant, email: olive@harbour.example.org}
          - {id: ann, name: Ann Bell, email: ann@harbour.example.org}
          - {id: ben, name: Ben Carr, email: ben@harbour.example.org}
          - {id: cat, name: Cat Dunn, email: cat@harbour.example.org}
          - {id: dan, name: Dan Egan, email: dan@harbour.example.org}
        sessions:
          - {id: s1, kind: roundtable, subject: Tides, location: Quay Room, start: 2026-10-15T14:00:00, rapporteur: ann, facilitator: ben}
          - {id: s2, kind: roundtable, subject: Harbours, location: Quay Room, start: 2026-11-12T14:00:00, rapporteur: cat}

        """

    private func rt(_ arguments: [String], day: String) throws -> Run {
        try roundtable(arguments + ["--as-of", day], environment: [
            "ROUNDTABLE_SCHEDULE": scheduleFile.path, "ROUNDTABLE_STATE": state, "ROUNDTABLE_NOW": "\(day)T08:00:00Z",
        ])
    }

    /// `remind` on `day` into a fresh outbox: the mail it sent, by recipient.
    private func remind(_ day: String) throws -> [ReceivedMail] {
        let outbox = try temporaryDirectory()
        let run = try rt(["remind", "--outbox", outbox.path], day: day)
        #expect(run.status == 0, "\(day): \(run.stderr)")
        let mails = try ReceivedMail.read(try FileManager.default.contentsOfDirectory(at: outbox, includingPropertiesForKeys: nil))
        #expect(mails.allSatisfy { $0.problems.isEmpty }, "\(mails.map(\.problems))")
        return mails.sorted { ($0.to_address[1], $0.subject) < ($1.to_address[1], $1.subject) }
    }

    /// What `remind --dry-run` would send on `day`, one line per message.
    private func wouldSend(_ day: String) throws -> [String] {
        let run = try rt(["remind", "--dry-run"], day: day)
        #expect(run.status == 0, "\(day): \(run.stderr)")
        return run.stdout.split(separator: "\n").filter { $0.hasPrefix("would send: ") }.map { String($0.dropFirst(12)) }
    }

    private func reply(_ who: String, _ partstat: String, session: String, stamp: String) throws -> String {
        let calendar = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Answers Test//EN", "METHOD:REPLY", "BEGIN:VEVENT",
                        "UID:\(session).harbour-2026@harbour.example.org", "DTSTAMP:\(stamp)", "SEQUENCE:0",
                        "ORGANIZER:mailto:olive@harbour.example.org", "ATTENDEE;PARTSTAT=\(partstat):mailto:\(who)@harbour.example.org",
                        "END:VEVENT", "END:VCALENDAR", ""].joined(separator: "\r\n")
        let path = folder.appendingPathComponent("reply-\(UUID().uuidString).ics")
        try calendar.write(to: path, atomically: true, encoding: .utf8)
        return path.path
    }

    private func plain(_ mail: ReceivedMail) -> String { (mail.plain ?? "").replacingOccurrences(of: "\r\n", with: "\n") }

    @Test func answersShapeWhoIsRemindedAndQuietDaysHoldMailBack() throws {
        #expect(try rt(["init"], day: "2026-09-16").status == 0)
        let invite = try rt(["invite", "--outbox", try temporaryDirectory().path], day: "2026-09-17")
        #expect(invite.status == 0, "\(invite.stderr)")
        // Ann (s1's rapporteur) and Cat decline s1, Ben accepts, Dan does not answer.
        let rsvp = try rt(["rsvp", try reply("ann", "DECLINED", session: "s1", stamp: "20260918T090000Z"),
                           try reply("ben", "ACCEPTED", session: "s1", stamp: "20260918T091000Z"),
                           try reply("cat", "DECLINED", session: "s1", stamp: "20260918T092000Z")], day: "2026-09-18")
        #expect(rsvp.status == 0, "\(rsvp.stderr)")

        // 18 September: the organiser alone is told, once, that s1's rapporteur declined.
        #expect(try wouldSend("2026-09-18") == ["reminder to olive <olive@harbour.example.org>: declined:s1:rapporteur:ann (rapporteur declined)"])
        let told = try remind("2026-09-18")
        #expect(told.map(\.to_address[1]) == ["olive@harbour.example.org"])
        #expect(plain(told[0]).contains("""
            To act on: declined by a rapporteur or facilitator
              - Round table: Tides, Thu 15 Oct 2026, 14:00–17:00 BST, Quay Room [s1]
                Ann Bell (rapporteur) declined: find another rapporteur.
            """), "\(plain(told[0]))")
        #expect(try remind("2026-09-18").isEmpty, "a second run sends nothing")
        #expect(try remind("2026-09-21").isEmpty, "nor does a later one: it was told once")
        let overdue = try rt(["overdue"], day: "2026-09-21")
        #expect(overdue.status == 1, "a declined rapporteur is something to act on")
        #expect(overdue.stdout.contains("To act on: 1 declined role\n\n  s1: Ann Bell (rapporteur) declined; find another rapporteur\n"), "\(overdue.stdout)")
        #expect(try rt(["status"], day: "2026-09-21").stdout.contains("To act on (1)\n    s1: Ann Bell (rapporteur) declined; find another rapporteur\n"))

        // 8 October, a week before s1: reminders to come go only to who has not declined; Ann
        // and Cat get none. Dan, who has not answered, is asked once, with the invitation again.
        #expect(try wouldSend("2026-10-08") == [
            "reminder to olive <olive@harbour.example.org>: session:s1 (due in 7 days (2026-10-15)); stage:s1:hold (due in 7 days (2026-10-15))",
            "reminder to ben <ben@harbour.example.org>: session:s1 (due in 7 days (2026-10-15))",
            "reminder to dan <dan@harbour.example.org>: session:s1 (due in 7 days (2026-10-15))",
            "request to answer to dan <dan@harbour.example.org>: answer:s1",
        ])
        let week = try remind("2026-10-08")
        #expect(week.map { "\($0.to_address[1]) \($0.method ?? "-") \($0.subject)" } == [
            "ben@harbour.example.org - Reminder: Round table: Tides, Thu 15 Oct 2026, 14:00–17:00 BST, Quay Room",
            "dan@harbour.example.org REQUEST Please answer: Round table: Tides (Quay Room, Thu 15 Oct 2026, 14:00–17:00 BST) (Harbour reading circle)",
            "dan@harbour.example.org - Reminder: Round table: Tides, Thu 15 Oct 2026, 14:00–17:00 BST, Quay Room",
            "olive@harbour.example.org - Reminder: 2 items (Harbour reading circle)",
        ])
        let request = try #require(week.first { $0.method == "REQUEST" })
        #expect(request.sequence == 0, "the invitation as she has it, so her calendar can answer it")
        #expect(request.calendar?.contains("UID:s1.harbour-2026@harbour.example.org") == true)
        #expect(plain(request).contains("We have no answer from you yet for the round table below, in 7 days."), "\(plain(request))")
        #expect(try remind("2026-10-08").isEmpty)

        // Cron misses Friday; Saturday 10 October, the quorum check's day, and Sunday are quiet.
        #expect(try wouldSend("2026-10-10").isEmpty)
        #expect(try remind("2026-10-10").isEmpty && remind("2026-10-11").isEmpty)
        let quietRun = try rt(["remind", "--dry-run"], day: "2026-10-10")
        #expect(quietRun.stderr == "remind: 0 digests to send (dry run), next reminder due 2026-10-12\n", "\(quietRun.stderr)")
        // Monday: the quorum warning goes, once, with who is coming and who has not answered.
        let monday = try remind("2026-10-12")
        #expect(monday.map { "\($0.to_address[1]) \($0.subject)" } == [
            "olive@harbour.example.org Reminder: Round table: Tides: 2 of the 4 needed have accepted",
        ])
        #expect(plain(monday[0]).contains("""
            To act on: short of the quorum
              - Round table: Tides, Thu 15 Oct 2026, 14:00–17:00 BST, Quay Room [s1]
                2 of the 4 needed have accepted: Olive Grant, Ben Carr.
                Not answered yet: Dan Egan.
            """), "\(plain(monday[0]))")
        #expect(try remind("2026-10-12").isEmpty && remind("2026-10-13").isEmpty, "nothing twice")

        // The day before: again only who has not declined.
        #expect(try remind("2026-10-14").map(\.to_address[1]) == ["ben@harbour.example.org", "dan@harbour.example.org", "olive@harbour.example.org"])

        // Held; Ann declined to come, but the write-up is still hers, and she is reminded of it.
        #expect(try rt(["advance", "s1", "hold", "--as-answered"], day: "2026-10-15").status == 0)
        let writeup = try remind("2026-10-22")
        #expect(writeup.map { "\($0.to_address[1]) \($0.subject)" }.contains("ann@harbour.example.org Reminder: write-up of s1 (Tides)"),
                "\(writeup.map(\.subject))")
    }
}
