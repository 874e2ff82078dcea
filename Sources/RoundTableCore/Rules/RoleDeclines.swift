import CalendarTime

/// A rapporteur or facilitator who has said she will not come to a session still ahead: the
/// organiser must find someone else, so it is flagged to her (once, in her next digest) and in
/// `status` and `overdue` for as long as it stands.
public struct RoleDecline: Codable, Hashable, Sendable {
    public enum Role: String, Hashable, Sendable, Codable {
        case rapporteur, facilitator
    }

    public let session: String
    /// Member id.
    public let member: String
    public let role: Role
    /// Her answer as it reads: "declined", or "away 2026-12-20 to 2027-01-04 (on leave)".
    public let answer: String

    public init(session: String, member: String, role: Role, answer: String) {
        self.session = session
        self.member = member
        self.role = role
        self.answer = answer
    }

    /// Every rapporteur and facilitator who declined (or is away for) a session not yet held nor
    /// cancelled, starting on or after `asOf`; in schedule order, facilitators first.
    public static func of(_ schedule: Schedule, timelines: [SessionTimeline], answers: SessionAnswers, asOf: LocalDate) -> [RoleDecline] {
        var found: [RoleDecline] = []
        for timeline in timelines {
            let session = timeline.session
            guard let start = session.timing.start, asOf <= start.date, !session.isCancelled,
                  timeline.deadline(.hold)?.done == nil, !(session.facilitators.isEmpty && session.rapporteurs.isEmpty) else { continue }
            let declined = Dictionary(answers.of(session, in: schedule).filter(\.hasDeclined).map { ($0.member.id, $0.text) },
                                      uniquingKeysWith: { first, _ in first })
            for (role, ids) in [(Role.facilitator, session.facilitators), (.rapporteur, session.rapporteurs)] {
                for id in ids {
                    if let answer = declined[id] { found.append(RoleDecline(session: session.id, member: id, role: role, answer: answer)) }
                }
            }
        }
        return found
    }

    /// How it reads in `status` and `overdue`: "rt4: Alice Archer (rapporteur) declined; find another rapporteur".
    public func text(in schedule: Schedule) -> String { text(name: schedule.member(member)?.name ?? member) }

    /// The same with her name given.
    public func text(name: String) -> String { "\(session): \(name) (\(role.rawValue)) \(answer); find another \(role.rawValue)" }
}
