import Foundation
import Testing
import TestSupport

/// Replies that could not be genuine (RFC 5546 §3.2.3, RFC 6047 §3): each is refused by the rule
/// it breaks, exit 65, and records nothing, while the real answer that follows still counts.
@Suite struct ForgedReplyTests {
    private let workspace: Workspace
    private var folder: URL { workspace.folder }
    private static let sam = "sam.patel@charity.example.org"
    /// No member's answer recorded: only the organiser, who counts as accepted.
    private static let nobody = ["accepted": 1, "declined": 0, "tentative": 0, "noAnswer": 9, "answeredEarlierVersion": 0]

    /// Every member was sent the rt5 invitation (SEQUENCE 0) on 6 November; replies are read on the 12th.
    init() throws {
        workspace = try Workspace(["ROUNDTABLE_NOW": "2012-11-12T09:00:00Z"])
        let invite = try workspace.rt(["invite", "rt5", "--outbox", workspace.folder.appendingPathComponent("outbox").path],
                                      ["ROUNDTABLE_NOW": "2012-11-06T09:00:00Z"])
        #expect(invite.status == 0, "\(invite.stderr)")
    }

    private func email(_ reply: ReplyFile = ReplyFile(), from: [String] = ["Sam Patel <\(Self.sam)>"]) throws -> String {
        try ReplyFile.write(reply.email(from: from), in: folder, ext: "eml")
    }

    private func bare(_ reply: ReplyFile = ReplyFile()) throws -> String {
        try ReplyFile.write(reply.calendar, in: folder, ext: "ics")
    }

    /// `rsvp` of one file that must be refused with exactly `message`, leaving rt5 unanswered.
    private func expectRefused(_ path: String, _ message: String, arguments: [String] = [], _ extra: [String: String] = [:]) throws {
        let run = try workspace.rt(["rsvp"] + arguments + [path], extra)
        #expect(run.status == 65)
        #expect(run.stdout == "")
        #expect(run.stderr == "roundtable: error: \(path): \(message)\n")
        #expect(try workspace.answers("rt5", extra) == Self.nobody, "nothing recorded")
    }

    private func expectRecorded(_ path: String, arguments: [String] = [], _ output: String = "rt5: Sam Patel accepted\n") throws {
        let run = try workspace.rt(["rsvp"] + arguments + [path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == output)
    }

    // MARK: One attendee, from that attendee

    @Test func anOutsiderAnsweringForEveryMemberRecordsNothing() throws {
        let members = try String(contentsOfFile: bundledSchedule, encoding: .utf8)
            .split(separator: "\n").compactMap { $0.firstMatch(of: /email: ([^,]+),/).map { String($0.output.1) } }
        #expect(members.count == 10)
        let reply = ReplyFile(events: [ReplyFile.Event(attendees: members.map { ($0, "DECLINED") })])
        try expectRefused(try email(reply, from: ["outsider@example.org"]),
                          "The reply about 'rt5.ajc-plg-2012@ajc.example.org' answers for 10 attendees; a reply answers for exactly one (RFC 5546 §3.2.3).")
    }

    @Test func anEmailFromAnotherAddressIsRefusedUnlessTheCoordinatorVouchesForIt() throws {
        let path = try email(from: ["Outsider <outsider@example.org>"])
        try expectRefused(path, "The reply answers for 'sam.patel@charity.example.org' but the email is from 'outsider@example.org'; "
                          + "a reply is believed only from its attendee's own address. If you know this reply is genuine, run rsvp "
                          + "again with --trust-sender.")
        try expectRecorded(path, arguments: ["--trust-sender"])
    }

    @Test(arguments: [
        Self.sam,
        "\"Patel, Sam <someone@else.example>\" <\(Self.sam)>",
        "=?UTF-8?B?U8OkbSBQYXRlbA==?= <SAM.Patel@Charity.Example.org>",
        "=?utf-8?q?Sam_Patel?=\r\n <\(Self.sam)>",
        "\(Self.sam) (Sam Patel, via the web client)",
    ])
    func theFromAddressIsReadHoweverTheDisplayNameIsWritten(from: String) throws {
        try expectRecorded(try email(from: [from]))
    }

    @Test(arguments: [
        ("\"\(Self.sam)\" <outsider@example.org>", "is from 'outsider@example.org'"),
        // The display name decodes to "Sam <sam.patel@charity.example.org>"; the address is the one in <…>.
        ("=?UTF-8?B?\(Data("Sam <\(Self.sam)>".utf8).base64EncodedString())?= <outsider@example.org>", "is from 'outsider@example.org'"),
        ("\(Self.sam), outsider@example.org", "has no From: address naming one mailbox"),
        ("Sam Patel", "has no From: address naming one mailbox"),
        ("<\(Self.sam)> <outsider@example.org>", "has no From: address naming one mailbox"),
    ])
    func aFromThatOnlyLooksLikeTheAttendeeIsRefused(from: String, reason: String) throws {
        let path = try email(from: [from])
        let run = try workspace.rt(["rsvp", path])
        #expect(run.status == 65)
        #expect(run.stderr.contains(reason), "\(run.stderr)")
        #expect(try workspace.answers("rt5") == Self.nobody)
    }

    @Test(arguments: [[], ["Sam Patel <sam.patel@charity.example.org>", "outsider@example.org"]])
    func anEmailWithNoFromOrTwoIsRefused(from: [String]) throws {
        try expectRefused(try email(from: from), "The email has no From: address naming one mailbox, so it cannot be matched to the "
                          + "reply's attendee. If you know this reply is genuine, run rsvp again with --trust-sender.")
    }

    /// A bare .ics names no sender: the sender rule has nothing to compare, the others still apply (README).
    @Test func aBareCalendarIsJudgedByEveryRuleButTheSender() throws {
        try expectRefused(try bare(ReplyFile(events: [ReplyFile.Event(uid: "seminar.ajc-plg-2012@ajc.example.org")])),
                          "Sam Patel was never sent an invitation to seminar, so a reply from them to it cannot be genuine.")
        try expectRecorded(try bare())
    }

    // MARK: An invitation that was sent

    @Test func aSessionNeverInvitedGetsNoAnswer() throws {
        try expectRefused(try email(ReplyFile(events: [ReplyFile.Event(uid: "seminar.ajc-plg-2012@ajc.example.org")])),
                          "Sam Patel was never sent an invitation to seminar, so a reply from them to it cannot be genuine.")
        #expect(try workspace.answers("seminar") == Self.nobody)
    }

    @Test func aMemberNotInvitedToTheSessionGetsNoAnswer() throws {
        let withoutSam = try scheduleCopy(replacing: [("    rapporteur: eoin\n    attendees: all",
                                                       "    rapporteur: eoin\n    attendees: [coord, priya, tom, grace, dan, helen, ruth, eoin, zoe]")])
        let fresh = try Workspace(["ROUNDTABLE_SCHEDULE": withoutSam, "ROUNDTABLE_NOW": "2012-11-12T09:00:00Z"])
        #expect(try fresh.rt(["invite", "rt5", "--outbox", fresh.folder.appendingPathComponent("outbox").path]).status == 0)
        let path = try ReplyFile.write(ReplyFile().email(), in: fresh.folder, ext: "eml")
        let run = try fresh.rt(["rsvp", path])
        #expect(run.status == 65)
        #expect(run.stderr == "roundtable: error: \(path): Sam Patel was never sent an invitation to rt5, so a reply from them to it cannot be genuine.\n")
        #expect(try fresh.answers("rt5") == ["accepted": 1, "declined": 0, "tentative": 0, "noAnswer": 8, "answeredEarlierVersion": 0])
    }

    @Test func aWithdrawnInvitationGetsNoAnswer() throws {
        let cancelled = try scheduleCopy(replacing: [("    location: Luton\n", "    location: Luton\n    status: cancelled\n")])
        #expect(try workspace.rt(["invite", "rt5", "--outbox", folder.appendingPathComponent("outbox").path],
                                 ["ROUNDTABLE_SCHEDULE": cancelled]).status == 0)
        let path = try email()
        let run = try workspace.rt(["rsvp", path], ["ROUNDTABLE_SCHEDULE": cancelled])
        #expect(run.status == 65)
        #expect(run.stderr == "roundtable: error: \(path): Sam Patel's invitation to rt5 was withdrawn (a CANCEL was sent), "
                + "so their reply to it is not recorded.\n")
    }

    @Test func aSequenceAboveTheOneSentIsRefusedAndTheRealAnswerStillCounts() throws {
        try expectRefused(try email(ReplyFile(events: [ReplyFile.Event(stamp: "20121111T090000Z", sequence: 2147483647)])),
                          "The reply to rt5 carries SEQUENCE 2147483647, but the highest sent to Sam Patel is 0: "
                          + "it answers an invitation that was never sent.")
        try expectRecorded(try email(ReplyFile(events: [ReplyFile.Event(attendees: [(Self.sam, "DECLINED")])])), "rt5: Sam Patel declined\n")
    }

    @Test func aStampMoreThanADayAheadIsRefusedAndTheRealAnswerStillCounts() throws {
        try expectRefused(try email(ReplyFile(events: [ReplyFile.Event(stamp: "99991231T000000Z")])),
                          "The reply's DTSTAMP 9999-12-31T00:00:00Z is more than a day after now (2012-11-12T09:00:00Z); "
                          + "a genuine reply is stamped when it is sent.")
        try expectRecorded(try email(ReplyFile(events: [ReplyFile.Event(stamp: "20121113T085959Z")])), "rt5: Sam Patel accepted\n")
    }

    @Test func aReplyWithOneEventThatBreaksARuleRecordsNoneOfIt() throws {
        var seminar = ReplyFile.Event(uid: "seminar.ajc-plg-2012@ajc.example.org")
        seminar.attendees = [(Self.sam, "DECLINED")]
        try expectRefused(try email(ReplyFile(events: [ReplyFile.Event(), seminar])),
                          "Sam Patel was never sent an invitation to seminar, so a reply from them to it cannot be genuine.")
    }

    // MARK: What reaches the terminal

    @Test func valuesFromTheReplyReachMessagesEscapedAndCut() throws {
        let escape = ReplyFile(method: "\u{1B}[2JREPLY", events: [ReplyFile.Event()])
        try expectRefused(try bare(escape), "This is not an iMIP reply: its METHOD is '\\u{1B}[2JREPLY', expected 'REPLY'.")
        let folded = Array(repeating: String(repeating: "x", count: 74), count: 5_000_000 / 74).joined(separator: "\r\n ")
        // 64 characters at most: 19 for the escaped start, 44 x, the ellipsis.
        try expectRefused(try bare(ReplyFile(events: [ReplyFile.Event(uid: "\u{1B}]0;owned\u{7}" + folded)])),
                          "The reply is about '\\u{1B}]0;owned\\u{7}" + String(repeating: "x", count: 44) + "…', which is no session of this series.")
        try expectRefused(try bare(ReplyFile(events: [ReplyFile.Event(attendees: [("evil\u{9B}31m@example.org", "ACCEPTED")])])),
                          "The reply is from 'evil\\u{9B}31m@example.org', who is not a member of this series.")
    }
}
