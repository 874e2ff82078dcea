/// Who was at a session, as `advance SESSION hold` records it: named (`--attended`), everyone
/// invited but some (`--absent`), or by default everyone expected (the organiser and whoever
/// accepted the current invitation).
public enum AttendanceRules {
    public static func attendance(of session: Session, in schedule: Schedule, answers: [AttendeeAnswer],
                                  attended: [String]?, absent: [String]?) throws(WorkflowError) -> Attendance {
        let invited = answers.map(\.member.id)
        let day = session.timing.earliestDay
        var came: Set<String>
        if let attended {
            for id in attended {
                let member = try StageRules.member(id, in: schedule)
                guard member.belongs(on: day) else { throw .notAMemberThen(member: id, on: day, membership: member.membership) }
            }
            came = Set(attended)
        } else if let absent {
            for id in absent where !invited.contains(id) { throw .notInvited(member: id, session: session.id) }
            came = Set(invited).subtracting(absent)
        } else {
            came = Set(answers.filter(\.isComing).map(\.member.id))
        }
        return Attendance(session: session.id, attended: schedule.members.map(\.id).filter(came.contains))
    }
}
