import RoundTableCore

/// The write-up skeleton a rapporteur fills in: the session's facts, who was there, one heading
/// per discussion area, the actions agreed and those carried forward.
///
/// Once who came is recorded, Attendance lists them; before, who is invited with their answers
/// (the published findings never say who declined), and a session held without its attendance
/// says "attendance not recorded": it is never guessed from the answers.
public enum WriteupSkeleton {
    public static func render(_ session: Session, in schedule: Schedule, records: Records, templates: Templates) -> String {
        let names = { (ids: [String]) in ids.compactMap(schedule.member).map(\.name).joined(separator: ", ") }
        let actions = records.actions
        let attended = records.attendance.first { $0.session == session.id }?.attended
        let people: [(Member, String?)] = attended.map { $0.compactMap(schedule.member).map { ($0, nil) } }
            ?? SessionAnswers(records).of(session, in: schedule)
                .map { ($0.member, $0.text) }
        let context: [String: Any] = [
            "title": SessionText.title(session),
            "session": session.id,
            "series": schedule.series.title,
            "when": SessionText.when(session, zone: schedule.zone),
            "where": session.location ?? "to be fixed",
            "facilitator": names(session.facilitators).isEmpty ? "-" : names(session.facilitators),
            "rapporteur": names(session.rapporteurs).isEmpty ? "-" : names(session.rapporteurs),
            "held": attended != nil,
            "attendanceNotRecorded": attended == nil
                && records.completions.contains { $0.session == session.id && $0.stage == .hold },
            "attendees": people.map { member, answer -> [String: Any] in
                var fields: [String: Any] = ["name": member.name, "organisation": member.organisation ?? "-", "sector": member.sector?.rawValue ?? "-"]
                fields["answer"] = answer
                return fields
            },
            "areas": schedule.series.discussionAreas.isEmpty ? ["Discussion"] : schedule.series.discussionAreas,
            "agreed": actions.filter { $0.session == session.id && $0.dropped == nil }.map { ActionFields.of($0, in: schedule) },
            "carried": CarriedActions.into(session, in: schedule, actions: actions).map { ActionFields.of($0, in: schedule) },
        ]
        return templates.render(.writeup, context)
    }
}
