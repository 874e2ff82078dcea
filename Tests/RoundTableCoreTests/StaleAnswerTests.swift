import CalendarTime
import RoundTableCore
import Testing

/// Whether an answer still counts: one rule (`InvitationRecord.outdates`), which `status` (through
/// `SessionAnswers`) and `rsvp` (its "stale" note) both apply.
@Suite struct StaleAnswerTests {
    private let schedule = ScheduleFixture.schedule
    private let stamp = LocalDateTime(iso: "2012-10-01T09:00:00")!

    private func invitation(sequence: Int, cancelled: Bool = false) -> InvitationRecord {
        InvitationRecord(session: "rt4", attendee: "sam", sequence: sequence, fingerprint: cancelled ? "cancelled" : "f", content: "c",
                         cancelled: cancelled)
    }

    private func samsAnswer(_ invitation: InvitationRecord, _ reply: Reply) throws -> AttendeeAnswer.State {
        let answers = SessionAnswers(invitations: [invitation], replies: [reply]).of(try #require(schedule.session("rt4")), in: schedule)
        return try #require(answers.first { $0.member.id == "sam" }).state
    }

    @Test(arguments: [
        (sent: 1, cancelled: false, answered: 0, stale: true),
        (sent: 1, cancelled: false, answered: 1, stale: false),
        (sent: 0, cancelled: false, answered: 0, stale: false),
        // A CANCEL is sent above the REQUEST she answered: her answer is not to an earlier version.
        (sent: 1, cancelled: true, answered: 0, stale: false),
    ])
    func anAnswerIsStaleOnlyAgainstAHigherSequenceStillStanding(sent: Int, cancelled: Bool, answered: Int, stale: Bool) throws {
        let record = invitation(sequence: sent, cancelled: cancelled)
        let reply = Reply(session: "rt4", attendee: "sam", answer: .accepted, sequence: answered, stamp: stamp)
        #expect(record.outdates(reply) == stale)
        #expect(try samsAnswer(record, reply) == (stale ? .answeredEarlierVersion(.accepted) : .answered(.accepted)))
    }
}
