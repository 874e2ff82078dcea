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
        try self.init(kind: .sqlite)
    }

    private init(kind: StateKind) throws {
        folder = try temporaryDirectory()
        scheduleFile = folder.appendingPathComponent("harbour.yaml")
        state = try kind.newState(in: folder)
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
          overview: never
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

    private func rt(_ arguments: [String], day: String, state: String? = nil) throws -> Run {
        try roundtable(arguments + ["--as-of", day], environment: [
            "ROUNDTABLE_SCHEDULE": scheduleFile.path, "ROUNDTABLE_STATE": state ?? self.state, "ROUNDTABLE_NOW": "\(day)T08:00:00Z",
        ].merging(StateKind.environment) { _, new in new })
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

    /// `wouldSend` with only the items about `session` in each line, and the lines left with none dropped.
    private func wouldSend(_ day: String, about session: String) throws -> [String] { Self.about(session, try wouldSend(day)) }

    private static func about(_ session: String, _ lines: [String]) -> [String] {
        lines.compactMap { line in
            guard let colon = line.range(of: ">: ") else { return nil }
            let items = line[colon.upperBound...].components(separatedBy: "; ").filter { $0.contains(":\(session)") }
            return items.isEmpty ? nil : line[..<colon.upperBound] + items.joined(separator: "; ")
        }
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
              - Round table: Tides, on Thu 15 Oct, 14:00–17:00 BST, Quay Room (ref s1)
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
            "reminder to olive <olive@harbour.example.org>: session:s1 (on 2026-10-15, in 7 days); stage:s1:hold (due in 7 days (2026-10-15))",
            "reminder to ben <ben@harbour.example.org>: session:s1 (on 2026-10-15, in 7 days)",
            "reminder to dan <dan@harbour.example.org>: session:s1 (on 2026-10-15, in 7 days)",
            "request to answer to dan <dan@harbour.example.org>: answer:s1",
        ])
        let week = try remind("2026-10-08")
        #expect(week.map { "\($0.to_address[1]) \($0.method ?? "-") \($0.subject)" } == [
            "ben@harbour.example.org - [Harbour reading circle] Reminder: Round table: Tides, Thu 15 Oct (in 7 days)",
            "dan@harbour.example.org REQUEST [Harbour reading circle] Please answer: Round table: Tides, Thu 15 Oct, Quay Room",
            "dan@harbour.example.org - [Harbour reading circle] Reminder: Round table: Tides, Thu 15 Oct (in 7 days)",
            "olive@harbour.example.org - [Harbour reading circle] Reminder: 2 coming up",
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
            "olive@harbour.example.org [Harbour reading circle] Reminder: 1 to act on",
        ])
        #expect(plain(monday[0]).contains("""
            To act on: short of the quorum
              - Round table: Tides, on Thu 15 Oct, 14:00–17:00 BST, Quay Room (ref s1)
                2 of the 4 needed have accepted: Olive Grant, Ben Carr.
                Not answered yet: Dan Egan.
            """), "\(plain(monday[0]))")
        #expect(try remind("2026-10-12").isEmpty && remind("2026-10-13").isEmpty, "nothing twice")

        // The day before: again only who has not declined.
        #expect(try remind("2026-10-14").map(\.to_address[1]) == ["ben@harbour.example.org", "dan@harbour.example.org", "olive@harbour.example.org"])

        // Held; Ann declined to come, but the write-up is still hers, and she is reminded of it.
        #expect(try rt(["advance", "s1", "hold", "--as-answered"], day: "2026-10-15").status == 0)
        let writeup = try remind("2026-10-22")
        #expect(writeup.map { "\($0.to_address[1]) \($0.subject)" }.contains("ann@harbour.example.org [Harbour reading circle] Reminder: Write up Round table: Tides (Thu 15 Oct), due Thu 29 Oct"),
                "\(writeup.map(\.subject))")
    }

    /// Regrets in advance, on a SQLite file and on PostgreSQL: Cat, s2's rapporteur, is away
    /// over it; she is not reminded to come nor asked to answer, the organiser is told, `status`
    /// shows her away, a backup keeps it, and once removed she is asked again like the others.
    @Test(arguments: StateKind.allCases)
    func anAwayPeriodCountsAsDeclinedAndIsKeptByABackup(kind: StateKind) throws {
        try AnswersShapeMailTests(kind: kind).away()
    }

    private func away() throws {
        #expect(try rt(["init"], day: "2026-10-14").status == 0)
        #expect(try rt(["invite", "--outbox", try temporaryDirectory().path], day: "2026-10-15").status == 0)
        #expect(try rt(["away", "cat", "2026-11-20", "2026-11-01"], day: "2026-10-20").status == 64, "ends before it starts")
        #expect(try rt(["away", "cta", "2026-11-01", "2026-11-20"], day: "2026-10-20").status == 65, "no such member")
        let recorded = try rt(["away", "cat", "2026-11-01", "2026-11-20", "--reason", "on leave"], day: "2026-10-20")
        #expect(recorded.status == 0, "\(recorded.stderr)")
        #expect(recorded.stdout == "cat away 2026-11-01 to 2026-11-20 (on leave): counts as declined for s2\n")
        #expect(try rt(["away", "--list"], day: "2026-10-20").stdout == "cat: away 2026-11-01 to 2026-11-20 (on leave)\n")

        #expect(try wouldSend("2026-10-20", about: "s2") == ["reminder to olive <olive@harbour.example.org>: declined:s2:rapporteur:cat (rapporteur away 2026-11-01 to 2026-11-20 (on leave))"])
        let status = try rt(["status", "s2"], day: "2026-10-20").stdout
        #expect(status.contains("    Cat Dunn                 away 2026-11-01 to 2026-11-20 (on leave)\n"), "\(status)")
        #expect(try rt(["status"], day: "2026-10-20").stdout.contains("    Cat Dunn: away 2026-11-01 to 2026-11-20 (on leave)\n"))

        // A backup keeps the period; the restored state plans exactly what the original does.
        let dump = try rt(["dump"], day: "2026-10-20").stdout
        #expect(dump.hasSuffix("away:\n- {member: cat, from: 2026-11-01, to: 2026-11-20, reason: on leave}\n"), "\(dump)")
        let backup = folder.appendingPathComponent("backup.yaml")
        try dump.write(to: backup, atomically: true, encoding: .utf8)
        let restored = try StateKind.sqlite.newState(in: folder)
        #expect(try rt(["import", backup.path], day: "2026-10-20", state: restored).status == 0)
        #expect(try rt(["dump"], day: "2026-10-20", state: restored).stdout == dump)

        // A week before s2: the others are reminded and asked to answer; Cat is neither.
        let week = try wouldSend("2026-11-05", about: "s2")
        #expect(week == [
            "reminder to olive <olive@harbour.example.org>: declined:s2:rapporteur:cat (rapporteur away 2026-11-01 to 2026-11-20 (on leave)); "
                + "session:s2 (on 2026-11-12, in 7 days); stage:s2:hold (due in 7 days (2026-11-12))",
            "reminder to ann <ann@harbour.example.org>: session:s2 (on 2026-11-12, in 7 days)",
            "reminder to ben <ben@harbour.example.org>: session:s2 (on 2026-11-12, in 7 days)",
            "reminder to dan <dan@harbour.example.org>: session:s2 (on 2026-11-12, in 7 days)",
            "request to answer to ann <ann@harbour.example.org>: answer:s2",
            "request to answer to ben <ben@harbour.example.org>: answer:s2",
            "request to answer to dan <dan@harbour.example.org>: answer:s2",
        ], "\(week)")
        let restoredRun = try rt(["remind", "--dry-run"], day: "2026-11-05", state: restored)
        #expect(Self.about("s2", restoredRun.stdout.split(separator: "\n").filter { $0.hasPrefix("would send: ") }.map { String($0.dropFirst(12)) }) == week)

        // Removed, she is one who has not answered: reminded to come and asked to answer.
        #expect(try rt(["away", "--remove", "cat", "2026-11-02"], day: "2026-11-05").status == 65)
        #expect(try rt(["away", "--remove", "cat", "2026-11-01"], day: "2026-11-05").stdout == "cat: away period from 2026-11-01 removed\n")
        let after = try wouldSend("2026-11-05", about: "s2")
        #expect(after.contains("reminder to cat <cat@harbour.example.org>: session:s2 (on 2026-11-12, in 7 days)"))
        #expect(after.contains("request to answer to cat <cat@harbour.example.org>: answer:s2"))
        #expect(try rt(["away", "--list"], day: "2026-11-05").stdout == "No away periods recorded.\n")
    }
}
