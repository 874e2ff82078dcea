import CalendarTime
import RoundTableCore

/// An action as the skeleton and the report show it, so the two never word it differently:
/// `id`, `owner` (her id) and `due` (ISO) as the command line takes them, and as members read
/// them `ownerName` and `dueDay` ("Thu 24 Sep 2026").
enum ActionFields {
    static func of(_ action: Action, in schedule: Schedule) -> [String: Any] {
        let dropped = action.dropped.map { "dropped \($0.on)" + ($0.reason.map { ": \($0)" } ?? "") }
        return ["id": action.id, "owner": action.owner, "due": action.due.description, "text": action.text,
                "ownerName": schedule.member(action.owner)?.name ?? action.owner, "dueDay": SessionText.day(action.due),
                "state": action.done.map { "done \($0)" } ?? dropped ?? "open",
                "changes": action.history.map { "\($0.on): \($0.field.rawValue) \($0.before) → \($0.after)" }]
    }
}
