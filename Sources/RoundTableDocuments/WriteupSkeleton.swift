import RoundTableCore

/// The write-up skeleton a rapporteur fills in: the session's facts, who was there, one heading
/// per discussion area, and the actions carried forward.
public enum WriteupSkeleton {
    public static func render(_ session: Session, in schedule: Schedule, replies: [Reply], actions: [Action],
                              templates: Templates) -> String {
        let names = { (ids: [String]) in ids.compactMap(schedule.member).map(\.name).joined(separator: ", ") }
        let answers = Dictionary(replies.filter { $0.session == session.id }.map { ($0.attendee, $0.answer) }, uniquingKeysWith: { a, _ in a })
        let context: [String: Any] = [
            "title": SessionText.title(session),
            "session": session.id,
            "series": schedule.series.title,
            "when": SessionText.when(session, zone: schedule.zone),
            "where": session.location ?? "to be fixed",
            "facilitator": names(session.facilitators).isEmpty ? "-" : names(session.facilitators),
            "rapporteur": names(session.rapporteurs).isEmpty ? "-" : names(session.rapporteurs),
            "attendees": schedule.attendees(of: session).map { member -> [String: Any] in
                ["name": member.name, "organisation": member.organisation ?? "-", "sector": member.sector?.rawValue ?? "-",
                 "answer": ReplyText.describe(answers[member.id])]
            },
            "areas": schedule.series.discussionAreas.isEmpty ? ["Discussion"] : schedule.series.discussionAreas,
            "agreed": actions.filter { $0.session == session.id && $0.dropped == nil }.map(ReplyText.fields),
            "carried": CarriedActions.into(session, in: schedule, actions: actions).map(ReplyText.fields),
        ]
        return templates.render(.writeup, context)
    }
}

/// Small pieces of wording shared by the skeleton and the report.
enum ReplyText {
    static func describe(_ answer: Reply.Answer?) -> String {
        switch answer {
        case .accepted: return "accepted"
        case .declined: return "declined"
        case .tentative: return "tentative"
        case .delegated: return "delegated"
        case .needsAction, nil: return "no answer"
        }
    }

    /// An action for a template: its facts, its state ("open", "done 2012-11-02", "dropped
    /// 2012-11-02: no longer needed") and each of its changes in words.
    static func fields(_ action: Action) -> [String: Any] {
        let dropped = action.dropped.map { "dropped \($0.on)" + ($0.reason.map { ": \($0)" } ?? "") }
        return ["id": action.id, "owner": action.owner, "due": action.due.description, "text": action.text,
                "state": action.done.map { "done \($0)" } ?? dropped ?? "open",
                "changes": action.history.map { "\($0.on): \($0.field.rawValue) \($0.before) → \($0.after)" }]
    }
}
