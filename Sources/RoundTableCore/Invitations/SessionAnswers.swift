import CalendarTime

/// Each invited member's answer to a session as it stands now.
///
/// An answer counts for the version of the invitation it answered: once the time or place has
/// changed (a higher SEQUENCE sent to that member), an acceptance of the old time is no longer
/// an acceptance, and shows as "answered an earlier version" until she answers again.
public struct AttendeeAnswer: Hashable, Sendable {
    public let member: Member
    public let state: State
    /// What she wrote with her latest answer, current or not (empty when nothing).
    public var note = ""

    public enum State: Hashable, Sendable {
        /// The organiser, who attends what she organises.
        case organiser
        case answered(Reply.Answer)
        case noAnswer
        case answeredEarlierVersion(Reply.Answer)
        /// Away for the session's day (`roundtable away`): it counts as declined, whatever she answered.
        case away(AwayPeriod)
    }

    /// Whether she has said she is not coming: a current decline, or away for the day. She gets
    /// no reminder to attend then; what she owes for the session still comes.
    public var hasDeclined: Bool {
        switch state {
        case .answered(.declined), .away: return true
        default: return false
        }
    }

    /// Whether she has yet to answer the invitation as it stands now.
    public var awaitsAnswer: Bool {
        switch state {
        case .noAnswer, .answeredEarlierVersion: return true
        default: return false
        }
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
        case .away(let period): return period.text
        }
    }
}

/// The invitations sent and the replies recorded, indexed once by session and attendee, so a
/// report of every session reads each record once rather than once per session.
public struct SessionAnswers: Sendable {
    private let sent: [String: [String: InvitationRecord]]
    private let answered: [String: [String: Reply]]
    private let away: [String: [AwayPeriod]]

    public init(invitations: [InvitationRecord], replies: [Reply], away: [AwayPeriod] = []) {
        sent = Self.index(invitations, session: \.session, attendee: \.attendee)
        answered = Self.index(replies, session: \.session, attendee: \.attendee)
        self.away = Dictionary(grouping: away, by: \.member)
    }

    /// The records' invitations, replies and away periods.
    public init(_ records: Records) {
        self.init(invitations: records.invitations.map(\.item), replies: records.replies, away: records.away)
    }

    /// No invitation sent, no answer: everyone who is not the organiser awaits one.
    public static let none = SessionAnswers(invitations: [], replies: [])

    /// The answer of everyone invited to `session`, in schedule order.
    public func of(_ session: Session, in schedule: Schedule) -> [AttendeeAnswer] {
        let sent = self.sent[session.id] ?? [:], answered = self.answered[session.id] ?? [:]
        return schedule.attendees(of: session).map { member in
            if member.id == schedule.series.organiser { return AttendeeAnswer(member: member, state: .organiser) }
            if let day = session.timing.start?.date, let period = away[member.id]?.first(where: { $0.covers(day) }) {
                return AttendeeAnswer(member: member, state: .away(period))
            }
            guard let reply = answered[member.id] else { return AttendeeAnswer(member: member, state: .noAnswer) }
            if sent[member.id]?.outdates(reply) == true {
                return AttendeeAnswer(member: member, state: .answeredEarlierVersion(reply.answer), note: reply.note)
            }
            return AttendeeAnswer(member: member, state: .answered(reply.answer), note: reply.note)
        }
    }

    private static func index<T>(_ items: [T], session: KeyPath<T, String>, attendee: KeyPath<T, String>) -> [String: [String: T]] {
        var index: [String: [String: T]] = [:]
        for item in items where index[item[keyPath: session], default: [:]][item[keyPath: attendee]] == nil {
            index[item[keyPath: session], default: [:]][item[keyPath: attendee]] = item
        }
        return index
    }
}
