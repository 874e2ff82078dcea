import ICalendar
import Testing
@testable import RoundTableCore

@Suite struct InvitationPlannerTests {
    private func schedule(_ edit: (String) -> String = { $0 }) throws -> Schedule {
        try #require(ScheduleFixture.load(edit(ScheduleFixture.yaml)).0).schedule
    }

    private func plan(_ s: Schedule, _ sent: [InvitationRecord]) throws -> [String] {
        try InvitationPlanner.plan(s, sent: sent, sessions: ["rt4"]).map { "\($0.attendee.id) \($0.method.rawValue) \($0.sequence) \($0.reason)" }
    }

    private func records(_ s: Schedule, _ sent: [InvitationRecord] = []) throws -> [InvitationRecord] {
        let planned = try InvitationPlanner.plan(s, sent: sent, sessions: ["rt4"])
        return sent.filter { r in !planned.contains { $0.record.attendee == r.attendee } } + planned.map(\.record)
    }

    @Test func everyAttendeeIsInvitedOnceAtSequenceZero() throws {
        let s = try schedule()
        #expect(try plan(s, []) == ["coord REQUEST 0 new", "sam REQUEST 0 new"])
        #expect(try plan(s, try records(s)).isEmpty)
    }

    @Test func aNewTimeRaisesTheSequenceForEveryone() throws {
        let sent = try records(try schedule())
        let moved = try schedule { $0.replacingOccurrences(of: "2012-10-26T10:30:00", with: "2012-10-26T13:00:00") }
        #expect(try plan(moved, sent) == ["coord REQUEST 1 time or place changed", "sam REQUEST 1 time or place changed"])
    }

    @Test func aRunCutShortIsFinishedAtTheSameSequence() throws {
        let sent = try records(try schedule())
        let moved = try schedule { $0.replacingOccurrences(of: "location: Poole", with: "location: Bournemouth") }
        let coordOnly = try InvitationPlanner.plan(moved, sent: sent, sessions: ["rt4"]).filter { $0.attendee.id == "coord" }.map(\.record)
        let partly = sent.filter { $0.attendee != "coord" } + coordOnly
        #expect(try plan(moved, partly) == ["sam REQUEST 1 time or place changed"])
    }

    @Test func aNewSubjectResendsAtTheSameSequence() throws {
        let sent = try records(try schedule())
        let renamed = try schedule { $0.replacingOccurrences(of: "subject: Balancing interests", with: "subject: Balancing commercial interests") }
        #expect(try plan(renamed, sent) == ["coord REQUEST 0 text changed", "sam REQUEST 0 text changed"])
    }

    @Test func cancellingSendsCancelAtAHigherSequence() throws {
        let sent = try records(try schedule())
        let cancelled = try schedule { $0.replacingOccurrences(of: "location: Poole", with: "location: Poole\n    status: cancelled") }
        #expect(try plan(cancelled, sent) == ["coord CANCEL 1 cancelled", "sam CANCEL 1 cancelled"])
        let after = try records(cancelled, sent)
        #expect(try plan(cancelled, after).isEmpty)
    }

    @Test func someoneNoLongerInvitedGetsACancel() throws {
        let sent = try records(try schedule())
        let fewer = try schedule { $0.replacingOccurrences(of: "rapporteur: sam\n  - id: rt5", with: "rapporteur: sam\n    attendees: [coord]\n  - id: rt5") }
        #expect(try plan(fewer, sent) == ["sam CANCEL 0 no longer invited"])
    }

    @Test func theRequestCarriesEveryAttendeeAndTheSequence() throws {
        let s = try schedule()
        let planned = try #require(try InvitationPlanner.plan(s, sent: [], sessions: ["rt4"]).first)
        let calendar = try InvitationCalendar.make(planned, in: s, actions: [], stamp: LocalDateTime(iso: "2012-09-20T09:00:00")!)
        let text = try calendar.serialized()
        let parsed = try Component.parse(text)
        #expect(parsed.property("METHOD")?.value.text == "REQUEST")
        let event = try #require(parsed.components("VEVENT").first)
        #expect(event.property("UID")?.value.text == "rt4.plg@example.org")
        #expect(event.property("SEQUENCE")?.value == .integer(0))
        #expect(event.properties("ATTENDEE").map(\.value.text) == ["mailto:alex@example.org", "mailto:sam@example.org"])
        #expect(event.properties("ATTENDEE").allSatisfy { $0.parameter("RSVP") == "TRUE" && $0.parameter("PARTSTAT") == "NEEDS-ACTION" })
        #expect(event.property("ORGANIZER")?.value.text == "mailto:alex@example.org")
    }
}
