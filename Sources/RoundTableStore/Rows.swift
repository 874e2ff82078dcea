import GRDB
import ICalendar
import RoundTableCore

/// Turns rows back into Core values, refusing text the schema's checks should have kept out (a
/// hand-edited file, say) rather than guessing.
enum Rows {
    /// The columns `completion(_:)` reads, in a form to splice into SELECTs.
    static let completionColumns = "session, stage, done_on"
    /// The columns `action(_:)` reads, in a form to splice into SELECTs.
    static let actionColumns = "number, session, owner, text, due, done_on"

    /// A completion from a row of `completionColumns`.
    static func completion(_ row: Row) throws -> Completion {
        let session: String = row["session"]
        let stageText: String = row["stage"]
        guard let stage = Stage(rawValue: stageText) else {
            throw StoreError.failed("session '\(session)' has an unknown stage '\(stageText)' recorded")
        }
        return Completion(session: session, stage: stage, on: try date(row["done_on"], of: "session '\(session)'"))
    }

    /// An action from a row of `actionColumns`.
    static func action(_ row: Row) throws -> Action {
        let id = ActionID.text(row["number"])
        let doneText: String? = row["done_on"]
        return Action(
            id: id,
            session: row["session"],
            owner: row["owner"],
            text: row["text"],
            due: try date(row["due"], of: "action '\(id)'"),
            done: try doneText.map { try date($0, of: "action '\(id)'") })
    }

    private static func date(_ text: String, of record: String) throws -> LocalDate {
        guard let date = LocalDate(iso: text) else {
            throw StoreError.failed("\(record) has an impossible date '\(text)' recorded")
        }
        return date
    }
}
