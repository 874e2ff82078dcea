import CalendarTime
import RoundTableCore

/// An action as the skeleton and the report show it, so the two never word it differently.
enum ActionFields {
    static func of(_ action: Action) -> [String: Any] {
        let dropped = action.dropped.map { "dropped \($0.on)" + ($0.reason.map { ": \($0)" } ?? "") }
        return ["id": action.id, "owner": action.owner, "due": action.due.description, "text": action.text,
                "state": action.done.map { "done \($0)" } ?? dropped ?? "open",
                "changes": action.history.map { "\($0.on): \($0.field.rawValue) \($0.before) → \($0.after)" }]
    }
}
