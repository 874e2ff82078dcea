import CalendarTime
import ICalendar
import Testing
@testable import RoundTableCore

@Suite struct InvitationPlannerTests {
    private let d = ScheduleFixture.date
    /// Before rt4 (26 Oct 2012): everything planned is still to come.
    private var early: LocalDate { d("2012-09-20") }

    /// The fixture with a third member, Tom, so the organiser is not the only other attendee.
    private func schedule(_ edit: (String) -> String = { $0 }) throws -> Schedule {
        let text = ScheduleFixture.yaml.replacingOccurrences(
            of: "  - {id: sam, name: Sam Patel, email: sam@example.org, sector: voluntary}\n",
            with: "  - {id: sam, name: Sam Patel, email: sam@example.org, sector: voluntary}\n  - {id: tom, name: Tom Whitfield, email: tom@example.org}\n")
        return try #require(ScheduleFixture.load(edit(text)).0).schedule
    }

    private func planned(_ s: Schedule, _ sent: [InvitationRecord], asOf: LocalDate? = nil) -> [PlannedInvitation] {
        InvitationPlanner.plan(s, sent: sent, asOf: asOf ?? early, sessions: ["rt4"])
    }

    private func plan(_ s: Schedule, _ sent: [InvitationRecord], asOf: LocalDate? = nil) -> [String] {
        planned(s, sent, asOf: asOf).map { "\($0.attendee.id) \($0.method.rawValue) \($0.sequence) \($0.reason.rawValue)" }
    }

    /// What is recorded once `planned` is all sent on top of `sent`.
    private func records(_ s: Schedule, _ sent: [InvitationRecord] = []) -> [InvitationRecord] {
        let planned = planned(s, sent)
        return sent.filter { r in !planned.contains { $0.record.attendee == r.attendee } } + planned.map(\.record)
    }

    private func event(_ invitation: PlannedInvitation, in s: Schedule) throws -> Component {
        let text = try InvitationCalendar.make(invitation, in: s, actions: [], stamp: LocalDateTime(iso: "2012-09-20T09:00:00")!).serialized()
        return try #require(try Component.parse(text).components("VEVENT").first)
    }

    @Test func everyAttendeeButTheOrganiserIsInvitedOnceAtSequenceZero() throws {
        let s = try schedule()
        #expect(plan(s, []) == ["sam REQUEST 0 new", "tom REQUEST 0 new"])
        #expect(plan(s, records(s)).isEmpty)
    }

    @Test func aNewTimeRaisesTheSequenceAndSaysWhatChanged() throws {
        let sent = records(try schedule())
        let moved = try schedule { $0.replacingOccurrences(of: "2012-10-26T10:30:00", with: "2012-11-02T13:00:00")
            .replacingOccurrences(of: "location: Poole", with: "location: Poole Guildhall") }
        #expect(plan(moved, sent) == ["sam REQUEST 1 time or place changed", "tom REQUEST 1 time or place changed"])
        #expect(planned(moved, sent).first?.changes == [
            SessionChange(field: .time, from: "Fri 26 Oct 2012, 10:30–13:30 BST", to: "Fri 2 Nov 2012, 13:00–16:00 GMT"),
            SessionChange(field: .place, from: "Poole", to: "Poole Guildhall"),
        ])
    }

    @Test func aRunCutShortIsFinishedAtTheSameSequence() throws {
        let sent = records(try schedule())
        let moved = try schedule { $0.replacingOccurrences(of: "location: Poole", with: "location: Bournemouth") }
        let samOnly = planned(moved, sent).filter { $0.attendee.id == "sam" }.map(\.record)
        let partly = sent.filter { $0.attendee != "sam" } + samOnly
        #expect(plan(moved, partly) == ["tom REQUEST 1 time or place changed"])
    }

    @Test func aNewSubjectResendsAtTheSameSequence() throws {
        let sent = records(try schedule())
        let renamed = try schedule { $0.replacingOccurrences(of: "subject: Balancing interests", with: "subject: Balancing commercial interests") }
        #expect(plan(renamed, sent) == ["sam REQUEST 0 text changed", "tom REQUEST 0 text changed"])
    }

    @Test func cancellingAfterAnUpdateGoesAboveEverySequenceSent() throws {
        let sent = records(try schedule())
        let moved = try schedule { $0.replacingOccurrences(of: "location: Poole", with: "location: Bournemouth") }
        let updated = records(moved, sent)
        let cancelled = try schedule { $0.replacingOccurrences(of: "location: Poole", with: "location: Bournemouth\n    status: cancelled") }
        #expect(plan(cancelled, updated) == ["sam CANCEL 2 cancelled", "tom CANCEL 2 cancelled"])
        let cancel = try #require(planned(cancelled, updated).first)
        let event = try event(cancel, in: cancelled)
        #expect(event.property("STATUS")?.value.text == "CANCELLED")
        #expect(event.properties("ATTENDEE").count == 3, "everyone, as the REQUEST listed them")
        #expect(plan(cancelled, records(cancelled, updated)).isEmpty)
    }

    @Test func someoneTakenOffGetsACancelNamingHerAboveEverythingSentAndCanBeInvitedBack() throws {
        let sent = records(try schedule())
        let fewer = try schedule { $0.replacingOccurrences(of: "rapporteur: sam\n  - id: rt5", with: "rapporteur: sam\n    attendees: [coord, sam]\n  - id: rt5") }
        #expect(plan(fewer, sent) == ["tom CANCEL 1 no longer invited"])
        let cancel = try #require(planned(fewer, sent).first)
        let event = try event(cancel, in: fewer)
        #expect(event.properties("ATTENDEE").map(\.value.text) == ["mailto:tom@example.org"], "the CANCEL names who is taken off")
        #expect(event.property("STATUS") == nil, "the session itself goes on")
        #expect(event.property("SEQUENCE")?.value == .integer(1))
        let back = records(try schedule(), records(fewer, sent))
        #expect(back.first { $0.attendee == "tom" }?.sequence == 2, "invited back above the CANCEL she has")
    }

    @Test func nothingIsSentForASessionThatHasStartedWhateverChanged() throws {
        let sent = records(try schedule())
        let retyped = try schedule { $0.replacingOccurrences(of: "location: Poole", with: "location: Poole Quay") }
        #expect(plan(retyped, sent, asOf: d("2012-10-27")).isEmpty, "a typo fixed after the session sends nothing")
        let newcomer = try schedule { $0.replacingOccurrences(of: "email: tom@example.org}", with: "email: tom@example.org, joined: 2012-11-01}") }
        #expect(plan(newcomer, [], asOf: d("2012-11-02")).isEmpty, "a newcomer is not invited to what is past")
        #expect(InvitationPlanner.plan(newcomer, sent: [], asOf: d("2012-11-02"), sessions: ["rt5"]).map(\.attendee.id) == ["sam", "tom"])
    }

    @Test func theRequestListsEveryAttendeeWithTheOrganiserAsAnAcceptedChair() throws {
        let s = try schedule()
        let event = try event(try #require(planned(s, []).first), in: s)
        #expect(event.property("UID")?.value.text == "rt4.plg@example.org")
        #expect(event.property("SEQUENCE")?.value == .integer(0))
        #expect(event.properties("ATTENDEE").map(\.value.text) == ["mailto:alex@example.org", "mailto:sam@example.org", "mailto:tom@example.org"])
        let organiser = try #require(event.properties("ATTENDEE").first)
        #expect(organiser.parameter("ROLE") == "CHAIR" && organiser.parameter("PARTSTAT") == "ACCEPTED")
        #expect(event.properties("ATTENDEE").dropFirst().allSatisfy { $0.parameter("RSVP") == "TRUE" && $0.parameter("PARTSTAT") == "NEEDS-ACTION" })
        #expect(event.property("ORGANIZER")?.value.text == "mailto:alex@example.org")
    }

    @Test func sendingEveryInvitationOfASessionIsItsPlanStage() throws {
        let s = try schedule()
        #expect(InvitationPlanner.planned(planned(s, []), completions: []) == ["rt4"])
        #expect(InvitationPlanner.planned(planned(s, []), completions: [Completion(session: "rt4", stage: .plan, on: early)]).isEmpty)
    }
}
