import CalendarTime
import ICalendar
import Testing
@testable import RoundTableCore

/// The rules a reply must pass (RFC 5546 §3.2.3, RFC 6047 §3), each on its own, and ReplyReader
/// applying them to calendars: the fixture's Sam was sent rt5 at SEQUENCE 1, Alex was sent rt4
/// and then a CANCEL, and the seminar was never sent.
@Suite struct ReplyRulesTests {
    private static let now = LocalDateTime(iso: "2012-11-12T09:00:00")!
    private static let sent = [
        InvitationRecord(session: "rt5", attendee: "sam", sequence: 1, fingerprint: "f", content: "c", cancelled: false),
        InvitationRecord(session: "rt4", attendee: "coord", sequence: 2, fingerprint: "cancelled", content: "c", cancelled: true),
    ]
    private let rules = ReplyRules(schedule: ScheduleFixture.schedule, invitations: Self.sent, now: Self.now)
    private var sam: Member { ScheduleFixture.schedule.member("sam")! }

    // MARK: Each rule

    @Test(arguments: [
        ("LOCATION", false), ("DESCRIPTION", false), ("COMMENT", false), ("X", false), ("FUTURE-PROPERTY", false),
        ("METHOD", true), ("UID", true), ("SEQUENCE", true), ("DTSTAMP", true), ("ATTENDEE", true),
    ])
    func damageRefusesAReplyOnlyWhenItHitsWhatIsRead(property: String, refused: Bool) {
        let message = "No value for \(property) property. Removing entire property:"
        let problem = ParseProblem(component: "VEVENT", message: message)
        #expect(problem.property == property)
        if refused {
            #expect(throws: ReplyError.damaged(property: property, message: message)) { try ReplyRules.checkDamage([problem]) }
        } else {
            #expect(throws: Never.self) { try ReplyRules.checkDamage([problem]) }
        }
    }

    @Test func damageLibicalDoesNotAttributeRefusesTheReply() {
        let problem = ParseProblem(component: "VEVENT", message: "Can't parse parameter name: =x")
        #expect(problem.property == nil)
        #expect(throws: ReplyError.damaged(property: nil, message: "Can't parse parameter name: =x")) { try ReplyRules.checkDamage([problem]) }
    }

    @Test(arguments: [(0, ReplyError.missing("ATTENDEE")), (2, .severalAttendees(uid: "u", count: 2)), (10, .severalAttendees(uid: "u", count: 10))])
    func aReplyAnswersForExactlyOneAttendee(count: Int, error: ReplyError) {
        #expect(throws: error) { try ReplyRules.checkOneAttendee(count: count, uid: "u") }
        #expect(throws: Never.self) { try ReplyRules.checkOneAttendee(count: 1, uid: "u") }
    }

    @Test(arguments: [
        (ReplySender.email(from: "sam@example.org"), nil),
        (.email(from: "SAM@Example.ORG"), nil),
        (.email(from: "sam@example.org.evil"), ReplyError.senderIsNotAttendee(attendee: "sam@example.org", sender: "sam@example.org.evil")),
        (.email(from: nil), .noSender),
        (.calendarFile, nil),
        (.vouchedFor, nil),
    ])
    func theSenderMustBeTheAttendeeInAnyCase(sender: ReplySender, error: ReplyError?) {
        if let error {
            #expect(throws: error) { try ReplyRules.checkSender(sender, attendee: "sam@example.org") }
        } else {
            #expect(throws: Never.self) { try ReplyRules.checkSender(sender, attendee: "sam@example.org") }
        }
    }

    /// A calendar server's From: with the attendee in Reply-To: (Nextcloud, sabre/dav) or Sender:
    /// counts only from a listed relay; a listed relay speaks only for the attendee it names.
    @Test(arguments: [
        (ReplySender.email(from: "noreply@cloud.org", replyTo: "Sam@Example.org"), ["noreply@cloud.org"], nil),
        (.email(from: "NoReply@Cloud.org", sender: "sam@example.org"), ["noreply@cloud.org"], nil),
        (.email(from: "noreply@cloud.org", replyTo: "sam@example.org"), [], ReplyError.relayNotListed(attendee: "sam@example.org", relay: "noreply@cloud.org")),
        (.email(from: "noreply@cloud.org", replyTo: "sam@example.org"), ["other@cloud.org"],
         .relayNotListed(attendee: "sam@example.org", relay: "noreply@cloud.org")),
        (.email(from: "noreply@cloud.org", replyTo: "mallory@example.org"), ["noreply@cloud.org"],
         .senderIsNotAttendee(attendee: "sam@example.org", sender: "noreply@cloud.org")),
        (.email(from: "noreply@cloud.org"), ["noreply@cloud.org"], .senderIsNotAttendee(attendee: "sam@example.org", sender: "noreply@cloud.org")),
        (.email(from: nil, replyTo: "sam@example.org"), ["noreply@cloud.org"], .noSender),
    ] as [(ReplySender, [String], ReplyError?)])
    func aRelayedReplyCountsOnlyFromAListedRelay(sender: ReplySender, relays: [String], error: ReplyError?) {
        let listed = MailSettings(relays: relays).relays
        if let error {
            #expect(throws: error) { try ReplyRules.checkSender(sender, attendee: "sam@example.org", relays: listed) }
        } else {
            #expect(throws: Never.self) { try ReplyRules.checkSender(sender, attendee: "sam@example.org", relays: listed) }
        }
    }

    @Test func onlyAStandingInvitationCanBeAnswered() throws {
        let schedule = ScheduleFixture.schedule
        let coord = schedule.member("coord")!
        #expect(try rules.invitation(to: schedule.session("rt5")!, for: sam) == Self.sent[0])
        #expect(throws: ReplyError.notInvited(session: "rt4", member: "Sam Patel")) { try rules.invitation(to: schedule.session("rt4")!, for: sam) }
        #expect(throws: ReplyError.notInvited(session: "seminar", member: "Sam Patel")) {
            try rules.invitation(to: schedule.session("seminar")!, for: sam)
        }
        #expect(throws: ReplyError.invitationWithdrawn(session: "rt4", member: "Alex Morgan")) {
            try rules.invitation(to: schedule.session("rt4")!, for: coord)
        }
    }

    @Test(arguments: [(0, true), (1, true), (2, false), (Int(Int32.max), false)])
    func aSequenceAboveTheOneSentIsRefused(sequence: Int, believed: Bool) {
        if believed {
            #expect(throws: Never.self) { try ReplyRules.checkSequence(sequence, against: Self.sent[0], member: sam) }
        } else {
            #expect(throws: ReplyError.sequenceNotSent(session: "rt5", member: "Sam Patel", sequence: sequence, sent: 1)) {
                try ReplyRules.checkSequence(sequence, against: Self.sent[0], member: sam)
            }
        }
    }

    @Test(arguments: [("2012-01-01T00:00:00", true), ("2012-11-13T09:00:00", true), ("2012-11-13T09:00:01", false), ("9999-12-31T00:00:00", false)])
    func aStampMoreThanADayAfterNowIsRefused(stamp: String, believed: Bool) {
        let stamp = LocalDateTime(iso: stamp)!
        if believed {
            #expect(throws: Never.self) { try rules.checkStamp(stamp) }
        } else {
            #expect(throws: ReplyError.stampInFuture(stamp: stamp, now: Self.now)) { try rules.checkStamp(stamp) }
        }
    }

    // MARK: ReplyReader

    private static func event(uid: String = "rt5.plg@example.org", stamp: String = "2012-11-10T09:00:00", sequence: Int = 1,
                              attendees: [(String, String)] = [("mailto:sam@example.org", "ACCEPTED")]) -> Component {
        Component("VEVENT", properties: [
            Property("UID", .text(uid)), Property("DTSTAMP", .utcDateTime(LocalDateTime(iso: stamp)!)), Property("SEQUENCE", .integer(sequence)),
        ] + attendees.map { Property("ATTENDEE", .calAddress($0.0), [Parameter("PARTSTAT", $0.1)]) })
    }

    private static func calendar(_ events: [Component]) -> Component {
        Component("VCALENDAR", properties: [Property("METHOD", .text("REPLY"))], components: events)
    }

    @Test func aGenuineReplyGivesItsAnswer() throws {
        let replies = try ReplyReader.replies(in: Self.calendar([Self.event()]), from: .email(from: "Sam@Example.org"), rules: rules)
        #expect(replies == [Reply(session: "rt5", attendee: "sam", answer: .accepted, sequence: 1, stamp: LocalDateTime(iso: "2012-11-10T09:00:00")!)])
    }

    @Test func severalEventsFromOneMemberAboutOneSessionGiveTheOneThatSupersedes() throws {
        let events = [Self.event(stamp: "2012-11-10T09:00:00"), Self.event(stamp: "2012-11-11T09:00:00", attendees: [("mailto:sam@example.org", "DECLINED")]),
                      Self.event(stamp: "2012-11-09T09:00:00", attendees: [("mailto:sam@example.org", "TENTATIVE")])]
        let replies = try ReplyReader.replies(in: Self.calendar(events), from: .calendarFile, rules: rules)
        #expect(replies.map(\.answer) == [.declined])
    }

    @Test func oneEventThatBreaksARuleRefusesTheWholeReply() {
        let events = [Self.event(), Self.event(uid: "seminar.plg@example.org")]
        #expect(throws: ReplyError.notInvited(session: "seminar", member: "Sam Patel")) {
            try ReplyReader.replies(in: Self.calendar(events), from: .calendarFile, rules: rules)
        }
    }

    @Test func anOutsiderAnsweringForTwoMembersIsRefused() {
        let event = Self.event(attendees: [("mailto:sam@example.org", "DECLINED"), ("mailto:alex@example.org", "DECLINED")])
        #expect(throws: ReplyError.severalAttendees(uid: "rt5.plg@example.org", count: 2)) {
            try ReplyReader.replies(in: Self.calendar([event]), from: .email(from: "outsider@example.org"), rules: rules)
        }
    }

    @Test func libicalsDamageIsJudgedBeforeAnythingElse() {
        let problem = ParseProblem(component: "VCALENDAR", message: "No value for METHOD property. Removing entire property:")
        #expect(throws: ReplyError.damaged(property: "METHOD", message: problem.message)) {
            try ReplyReader.replies(in: Self.calendar([Self.event()]), problems: [problem], from: .calendarFile, rules: rules)
        }
    }

    @Test func valuesFromTheReplyAreEscapedAndCutInMessages() {
        #expect(ReplyError.notAReply(method: "\u{1B}[2JREPLY").description
                == "This is not an iMIP reply: its METHOD is '\\u{1B}[2JREPLY', expected 'REPLY'.")
        let uid = String(repeating: "u", count: 5_000_000)
        #expect(ReplyError.unknownUID(uid).description == "The reply is about '\(String(repeating: "u", count: 63))…', which is no session of this series.")
    }
}
