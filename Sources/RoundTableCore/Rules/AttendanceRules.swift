/// Who was at a session, as `advance SESSION hold` records it. Attendance is never guessed: it
/// is recorded only when the coordinator says who came, and a hold recorded without it shows as
/// "attendance not recorded" until she does.
public enum AttendanceRules {
    /// How the coordinator said who came.
    public enum Given: Hashable, Sendable {
        /// `--attended`: these members, by id.
        case attended([String])
        /// `--absent`: everyone invited but these.
        case absent([String])
        /// `--as-answered`: the organiser and everyone who accepted the current invitation. Few
        /// people answer an invitation, so this is a choice, never the default.
        case asAnswered
    }

    /// The attendance `given` describes, members in schedule order. A member named must belong
    /// to the group on the session's day; one named absent must have been invited. Nobody at all
    /// is refused: a session no one came to was not held.
    public static func attendance(of session: Session, in schedule: Schedule, answers: [AttendeeAnswer],
                                  given: Given) throws(WorkflowError) -> Attendance {
        let invited = answers.map(\.member.id)
        let day = session.timing.earliestDay
        let came: Set<String>
        switch given {
        case .attended(let attended):
            for id in attended {
                let member = try StageRules.member(id, in: schedule)
                guard member.belongs(on: day) else { throw .notAMemberThen(member: id, on: day, membership: member.membership) }
            }
            came = Set(attended)
        case .absent(let absent):
            for id in absent where !invited.contains(id) { throw .notInvited(member: id, session: session.id) }
            came = Set(invited).subtracting(absent)
        case .asAnswered:
            came = Set(answers.filter(\.isComing).map(\.member.id))
        }
        guard !came.isEmpty else { throw .nobodyAttended(session: session.id) }
        return Attendance(session: session.id, attended: schedule.members.map(\.id).filter(came.contains))
    }

    /// Attendance can be recorded after the hold, never before it (`notHeldYet`).
    public static func checkHeld(_ session: String, completions: [Completion]) throws(WorkflowError) {
        guard completions.contains(where: { $0.session == session && $0.stage == .hold }) else { throw .notHeldYet(session: session) }
    }

    /// The held sessions whose attendance is not recorded, in schedule order: what `status`, the
    /// skeleton and the report say "attendance not recorded" of, and the organiser is asked for.
    public static func notRecorded(_ schedule: Schedule, completions: [Completion], attendance: [Attendance]) -> [String] {
        let held = Set(completions.filter { $0.stage == .hold }.map(\.session))
        let recorded = Set(attendance.map(\.session))
        return schedule.sessions.map(\.id).filter { held.contains($0) && !recorded.contains($0) }
    }
}
