import CalendarTime

/// A session that, `quorum-check` before it, has fewer acceptances than the policy's `quorum`:
/// the organiser is told once, with who has accepted and who has not answered, while there is
/// still time to chase answers or move it.
public struct QuorumShortfall: Hashable, Sendable {
    public let session: String
    public let needed: Int
    /// Member ids of who is coming (the organiser among them), in schedule order.
    public let accepted: [String]
    /// Member ids of who has not answered the invitation as it stands.
    public let noAnswer: [String]

    public init(session: String, needed: Int, accepted: [String], noAnswer: [String]) {
        self.session = session
        self.needed = needed
        self.accepted = accepted
        self.noAnswer = noAnswer
    }

    /// The day the quorum of `session` is checked: `quorum-check` before it starts.
    public static func checkDay(of session: Session, policy: Policy) -> LocalDate? {
        session.timing.start.map { policy.quorumCheck.before($0.date) }
    }

    /// The shortfall of `session` as of `asOf`, if the policy sets a quorum, the check day has
    /// come, the session is still ahead (not held, not cancelled) and fewer than the quorum are coming.
    public static func of(_ timeline: SessionTimeline, in schedule: Schedule, answers: SessionAnswers, asOf: LocalDate) -> QuorumShortfall? {
        let session = timeline.session
        guard let needed = schedule.policy.quorum, let start = session.timing.start, !session.isCancelled,
              timeline.deadline(.hold)?.done == nil, let check = checkDay(of: session, policy: schedule.policy),
              check <= asOf, asOf <= start.date else { return nil }
        let people = answers.of(session, in: schedule)
        let accepted = people.filter(\.isComing).map(\.member.id)
        guard accepted.count < needed else { return nil }
        return QuorumShortfall(session: session.id, needed: needed, accepted: accepted, noAnswer: people.filter(\.awaitsAnswer).map(\.member.id))
    }
}
