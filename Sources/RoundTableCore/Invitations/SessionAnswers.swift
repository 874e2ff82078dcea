/// Each invited member's answer to a session as it stands now.
///
/// An answer counts for the version of the invitation it answered: once the time or place has
/// changed (a higher SEQUENCE sent to that member), an acceptance of the old time is no longer
/// an acceptance, and shows as "answered an earlier version" until she answers again.
public struct AttendeeAnswer: Hashable, Sendable {
    public let member: Member
    public let state: State

    public enum State: Hashable, Sendable {
        /// The organiser, who attends what she organises.
        case organiser
        case answered(Reply.Answer)
        case noAnswer
        case answeredEarlierVersion(Reply.Answer)
    }

    /// Whether she is expected: the organiser, or a current acceptance.
    public var isComing: Bool {
        state == .organiser || state == .answered(.accepted)
    }

    /// How it reads: "accepted", "no answer", "answered an earlier version (accepted)".
    public var text: String {
        switch state {
        case .organiser: return "organiser"
        case .answered(let answer): return answer.rawValue.lowercased()
        case .noAnswer: return "no answer"
        case .answeredEarlierVersion(let answer): return "answered an earlier version (\(answer.rawValue.lowercased()))"
        }
    }
}

public enum SessionAnswers {
    /// The answer of everyone invited to `session`, in schedule order.
    public static func of(_ session: Session, in schedule: Schedule, invitations: [InvitationRecord], replies: [Reply]) -> [AttendeeAnswer] {
        let sent = Dictionary(invitations.filter { $0.session == session.id }.map { ($0.attendee, $0) }, uniquingKeysWith: { a, _ in a })
        let answered = Dictionary(replies.filter { $0.session == session.id }.map { ($0.attendee, $0) }, uniquingKeysWith: { a, _ in a })
        return schedule.attendees(of: session).map { member in
            if member.id == schedule.series.organiser { return AttendeeAnswer(member: member, state: .organiser) }
            guard let reply = answered[member.id] else { return AttendeeAnswer(member: member, state: .noAnswer) }
            if let invitation = sent[member.id], !invitation.cancelled, reply.sequence < invitation.sequence {
                return AttendeeAnswer(member: member, state: .answeredEarlierVersion(reply.answer))
            }
            return AttendeeAnswer(member: member, state: .answered(reply.answer))
        }
    }
}
