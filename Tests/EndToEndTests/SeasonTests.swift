import Foundation
import Testing
import TestSupport

/// A whole season of another group, through the built binary, as its coordinator would run it:
/// members join and leave, a session moves twice and another is cancelled, someone is taken off
/// a list, answers come to old and new versions, attendance is recorded, actions are edited,
/// dropped and re-dated, and the state is restored from a backup half-way. At each step the exact
/// mail that left (read back by Python's email package and icalendar) and the status.
@Suite struct SeasonTests {
    private let folder: URL
    private let scheduleFile: URL
    private let kind: StateKind
    private let state: String

    init() throws {
        try self.init(kind: .sqlite)
    }

    private init(kind: StateKind) throws {
        folder = try temporaryDirectory()
        scheduleFile = folder.appendingPathComponent("northern.yaml")
        self.kind = kind
        state = try kind.newState(in: folder)
    }

    /// The plan as it stands; each step of the season edits a piece of it.
    private func plan(s2Start: String = "2013-02-14T14:00:00", s2Place: String = "Leeds", s3: String = "", dev: String = "",
                      ben: String = "") -> String {
        """
        series:
          id: northern-2013
          title: Northern commissioning group
          timezone: Europe/London
          organiser: kim
          uid-domain: northern.example.org
          discussion-areas: [Practice, Money]
        members:
          - {id: kim, name: Kim Ahmed, email: kim@northern.example.org}
          - {id: ann, name: Ann Bell, email: ann@north.example.org}
          - {id: ben, name: Ben Carr, email: ben@north.example.org\(ben)}
          - {id: cat, name: Cat Dunn, email: cat@north.example.org}
        \(dev)
        sessions:
          - {id: s1, kind: roundtable, subject: Outcomes, location: York, start: 2013-01-24T14:00:00, rapporteur: ann}
          - {id: s2, kind: roundtable, subject: Markets, location: \(s2Place), start: \(s2Start), rapporteur: cat}
          - {id: s3, kind: roundtable, subject: Evidence, location: Hull, start: 2013-03-14T14:00:00, rapporteur: ann\(s3)}

        """
    }

    private func rt(_ arguments: [String], now: String, plan: String? = nil, state: String? = nil) throws -> Run {
        if let plan { try plan.write(to: scheduleFile, atomically: true, encoding: .utf8) }
        return try roundtable(arguments, environment: [
            "ROUNDTABLE_SCHEDULE": scheduleFile.path, "ROUNDTABLE_STATE": state ?? self.state, "ROUNDTABLE_NOW": now,
        ].merging(StateKind.environment) { _, new in new })
    }

    /// `invite` into a fresh outbox; the mail it sent, in recipient then session order.
    private func invite(now: String, plan: String? = nil) throws -> [ReceivedMail] {
        let outbox = try temporaryDirectory()
        let run = try rt(["invite", "--outbox", outbox.path], now: now, plan: plan)
        #expect(run.status == 0, "\(run.stderr)")
        let mails = try ReceivedMail.read(try FileManager.default.contentsOfDirectory(at: outbox, includingPropertiesForKeys: nil))
        #expect(mails.allSatisfy { $0.problems.isEmpty }, "\(mails.map(\.problems))")
        return mails
    }

    /// One line per message: recipient, METHOD, SEQUENCE, STATUS, the ATTENDEEs, the session; by
    /// recipient, then session.
    private func summary(_ mails: [ReceivedMail]) -> [String] {
        mails.map { mail in
            let uid = mail.calendar?.split(separator: "\r\n").first { $0.hasPrefix("UID:") }?.dropFirst(4) ?? ""
            let people = (mail.attendees ?? []).map { $0.replacingOccurrences(of: "mailto:", with: "").split(separator: "@")[0] }
            return "\(mail.to_address[1].split(separator: "@")[0]) \(mail.method ?? "-") \(mail.sequence ?? -1) \(mail.status ?? "-") "
                + "[\(people.joined(separator: ","))] \(uid.split(separator: ".")[0])"
        }.sorted { ($0.split(separator: " ").first!, $0.split(separator: " ").last!) < ($1.split(separator: " ").first!, $1.split(separator: " ").last!) }
    }

    /// A reply as a client sends it: a whole email from the attendee, its calendar base64.
    private func reply(_ who: String, _ partstat: String, session: String, sequence: Int, stamp: String) throws -> String {
        let calendar = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Season Test//EN", "METHOD:REPLY", "BEGIN:VEVENT",
                        "UID:\(session).northern-2013@northern.example.org", "DTSTAMP:\(stamp)", "SEQUENCE:\(sequence)",
                        "ORGANIZER:mailto:kim@northern.example.org", "ATTENDEE;PARTSTAT=\(partstat):mailto:\(who)@north.example.org",
                        "END:VEVENT", "END:VCALENDAR", ""].joined(separator: "\r\n")
        let mail = ["From: \(who) <\(who)@north.example.org>", "To: kim@northern.example.org", "Subject: Reply", "MIME-Version: 1.0",
                    "Content-Type: text/calendar; method=REPLY; charset=UTF-8", "Content-Transfer-Encoding: base64", "",
                    Data(calendar.utf8).base64EncodedString(options: .lineLength76Characters), ""].joined(separator: "\r\n")
        let path = folder.appendingPathComponent("reply-\(UUID().uuidString).eml")
        try mail.write(to: path, atomically: true, encoding: .utf8)
        return path.path
    }

    private func answers(_ session: String, now: String) throws -> [String: String] {
        let json = try rt(["status", session, "--json"], now: now).stdout
        struct Person: Decodable { let id: String; let answer: String }
        struct One: Decodable { let attendees: [Person] }
        let one = try JSONDecoder().decode(One.self, from: Data(json.utf8))
        return Dictionary(uniqueKeysWithValues: one.attendees.map { ($0.id, $0.answer) })
    }

    /// The same season on a SQLite file and on PostgreSQL: the same mail, status and dumps.
    @Test(arguments: StateKind.allCases)
    func aSeasonThatChangesSendsOnlyTheMailACoordinatorWouldSendByHand(kind: StateKind) throws {
        try SeasonTests(kind: kind).season()
    }

    private func season() throws {
        #expect(try rt(["init"], now: "2013-01-09T09:00:00Z", plan: plan()).status == 0)
        // 10 January: everyone but the organiser is invited to all three; that is each plan stage.
        let first = try invite(now: "2013-01-10T09:00:00Z", plan: plan())
        #expect(summary(first) == ["ann", "ben", "cat"].flatMap { who in
            ["s1", "s2", "s3"].map { "\(who) REQUEST 0 CONFIRMED [kim,ann,ben,cat] \($0)" }
        })
        #expect(try rt(["status", "--json"], now: "2013-01-10T09:00:00Z").stdout.components(separatedBy: "\"done\" : \"2013-01-10\"").count - 1 == 3)

        // Answers to the first version of s2.
        #expect(try rt(["rsvp", try reply("ann", "ACCEPTED", session: "s2", sequence: 0, stamp: "20130111T090000Z"),
                        try reply("ben", "DECLINED", session: "s2", sequence: 0, stamp: "20130111T100000Z")], now: "2013-01-11T12:00:00Z").status == 0)
        #expect(try answers("s2", now: "2013-01-11T12:00:00Z") == ["kim": "organiser", "ann": "accepted", "ben": "declined", "cat": "no answer"])

        // 20 January: s2 moves a week; the update says from what to what, SEQUENCE 1.
        let moved = try invite(now: "2013-01-20T09:00:00Z", plan: plan(s2Start: "2013-02-21T14:00:00"))
        #expect(summary(moved) == ["ann REQUEST 1 CONFIRMED [kim,ann,ben,cat] s2", "ben REQUEST 1 CONFIRMED [kim,ann,ben,cat] s2",
                                   "cat REQUEST 1 CONFIRMED [kim,ann,ben,cat] s2"])
        #expect(moved.allSatisfy { $0.plain?.contains("moved from Thu 14 Feb 2013, 14:00–17:00 GMT to Thu 21 Feb 2013, 14:00–17:00 GMT") == true })
        #expect(try answers("s2", now: "2013-01-20T09:00:00Z")["ann"] == "answered an earlier version (accepted)")
        #expect(try rt(["rsvp", try reply("ann", "ACCEPTED", session: "s2", sequence: 1, stamp: "20130121T090000Z")], now: "2013-01-21T12:00:00Z").status == 0)
        #expect(try answers("s2", now: "2013-01-21T12:00:00Z")["ann"] == "accepted")
        let stale = try rt(["rsvp", try reply("cat", "ACCEPTED", session: "s2", sequence: 0, stamp: "20130121T100000Z")], now: "2013-01-21T12:00:00Z")
        #expect(stale.stdout == "s2: Cat Dunn accepted (stale: it answers SEQUENCE 0; the invitation is now at 1)\n", "\(stale.stderr)")
        #expect(try answers("s2", now: "2013-01-21T12:00:00Z")["cat"] == "answered an earlier version (accepted)")

        // 24 January: s1 is held without Cat; an action agreed there follows the next session.
        #expect(try rt(["advance", "s1", "hold", "--absent", "cat"], now: "2013-01-24T18:00:00Z").stdout.hasSuffix("s1: 3 attended: kim, ann, ben\n"))
        #expect(try rt(["action", "add", "--session", "s1", "--owner", "ben", "--text", "Map local providers"], now: "2013-01-24T18:00:00Z").stdout == "A1\n")
        #expect(try rt(["action", "add", "--session", "s1", "--owner", "cat", "--text", "Find the 2011 survey"], now: "2013-01-24T18:00:00Z").stdout == "A2\n")

        // A backup taken now is restored into a fresh state: it plans exactly the same from here on.
        let backup = folder.appendingPathComponent("backup.yaml").path
        #expect(try rt(["dump", "-o", backup], now: "2013-01-25T09:00:00Z").status == 0)
        let restored = try kind.newState(in: folder)
        #expect(try rt(["import", backup], now: "2013-01-25T09:00:00Z", state: restored).status == 0)
        #expect(try rt(["dump"], now: "2013-01-25T09:00:00Z", state: restored).stdout == String(contentsOfFile: backup, encoding: .utf8))
        for day in ["2013-02-07T09:00:00Z", "2013-02-22T09:00:00Z"] {
            let original = try rt(["remind", "--dry-run"], now: day).stdout, copy = try rt(["remind", "--dry-run"], now: day, state: restored).stdout
            #expect(original == copy && original.contains("would send: reminder to"), "\(day): the restored state reminds as the original does")
        }

        // 1 February: Dev joins today, Ben leaves on 10 February, s2 moves to another room.
        let newcomer = "  - {id: dev, name: Dev Egan, email: dev@north.example.org, joined: 2013-02-01}"
        let changed = plan(s2Start: "2013-02-21T14:00:00", s2Place: "Leeds Civic Hall", dev: newcomer, ben: ", left: 2013-02-10")
        for path in [state, restored] {
            let dry = try rt(["invite", "--dry-run"], now: "2013-02-01T09:00:00Z", plan: changed, state: path)
            #expect(dry.status == 0, "\(dry.stderr)")
            #expect(dry.stdout.split(separator: "\n").filter { $0.hasPrefix("would send:") } == [
                "would send: REQUEST s2 to ann <ann@north.example.org> (SEQUENCE 2, time or place changed)",
                "would send: REQUEST s2 to cat <cat@north.example.org> (SEQUENCE 2, time or place changed)",
                "would send: REQUEST s2 to dev <dev@north.example.org> (SEQUENCE 2, new)",
                "would send: CANCEL s2 to ben <ben@north.example.org> (SEQUENCE 2, no longer invited)",
                "would send: REQUEST s3 to dev <dev@north.example.org> (SEQUENCE 0, new)",
                "would send: CANCEL s3 to ben <ben@north.example.org> (SEQUENCE 1, no longer invited)",
            ], "the restored state plans what the original does (\(path == state ? "original" : "restored"))")
        }
        // The newcomer is invited to what is to come only (s1 is past); the leaver is taken off
        // both lists with a CANCEL naming him alone, above every SEQUENCE he was sent.
        let february = try invite(now: "2013-02-01T09:00:00Z", plan: changed)
        #expect(summary(february) == ["ann REQUEST 2 CONFIRMED [kim,ann,cat,dev] s2", "ben CANCEL 2 - [ben] s2", "ben CANCEL 1 - [ben] s3",
                                      "cat REQUEST 2 CONFIRMED [kim,ann,cat,dev] s2", "dev REQUEST 2 CONFIRMED [kim,ann,cat,dev] s2",
                                      "dev REQUEST 0 CONFIRMED [kim,ann,cat,dev] s3"])
        let updates = february.filter { $0.method == "REQUEST" && $0.to_address[1] != "dev@north.example.org" && $0.calendar?.contains("UID:s2.") == true }
        #expect(updates.count == 2 && updates.allSatisfy { $0.plain?.contains("place: Leeds → Leeds Civic Hall") == true })

        // Cat is taken off s3; then s3 is cancelled: each CANCEL above every SEQUENCE sent.
        let noCat = try invite(now: "2013-02-05T09:00:00Z", plan: plan(s2Start: "2013-02-21T14:00:00", s2Place: "Leeds Civic Hall",
                                                                        s3: ", attendees: [kim, ann, dev]", dev: newcomer, ben: ", left: 2013-02-10"))
        #expect(summary(noCat) == ["cat CANCEL 2 - [cat] s3"])
        let cancelled = try invite(now: "2013-02-06T09:00:00Z", plan: plan(s2Start: "2013-02-21T14:00:00", s2Place: "Leeds Civic Hall",
                                                                            s3: ", attendees: [kim, ann, dev], status: cancelled",
                                                                            dev: newcomer, ben: ", left: 2013-02-10"))
        #expect(summary(cancelled) == ["ann CANCEL 3 CANCELLED [kim,ann,dev] s3", "dev CANCEL 3 CANCELLED [kim,ann,dev] s3"])

        // Actions: Ben's goes to Dev before he leaves; Cat's is dropped; the first is re-dated.
        #expect(try rt(["action", "edit", "A1", "--owner", "dev"], now: "2013-02-06T09:00:00Z").status == 0)
        #expect(try rt(["action", "drop", "A2", "--reason", "found in the library"], now: "2013-02-06T09:00:00Z").status == 0)
        let list = try rt(["action", "list"], now: "2013-02-06T09:00:00Z").stdout
        #expect(list.contains("A1   s1         dev      due 2013-02-21  open"), "due by s2, which moved to the 21st\n\(list)")
        #expect(list.contains("A2   s1         cat      due 2013-02-21  dropped 2013-02-06"))
        #expect(try rt(["action", "edit", "A1", "--due", "2013-03-01"], now: "2013-02-07T09:00:00Z").stdout == "A1 (dev, due 2013-03-01): Map local providers\n")
        let dump = try rt(["dump"], now: "2013-02-07T09:00:00Z").stdout
        #expect(dump.contains("history: [{on: 2013-02-06, field: owner, before: ben, after: dev}, {on: 2013-02-07, field: due, before: 2013-02-21, after: 2013-03-01}]"))
    }
}
