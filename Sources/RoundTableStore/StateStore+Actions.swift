import GRDB
import ICalendar
import RoundTableCore

extension StateStore {
    /// Adds an action with the next id for the series and returns it.
    ///
    /// The number is one more than the series' highest, read and used inside one IMMEDIATE
    /// transaction, so concurrent processes get distinct ids. Actions are never deleted, so an id
    /// is never handed out twice.
    public func addAction(series: String, session: String, owner: String, text: String, due: LocalDate) throws(StoreError) -> Action {
        try write { db in
            let highest = try Int.fetchOne(db, sql: "SELECT MAX(number) FROM actions WHERE series = ?", arguments: [series]) ?? 0
            guard highest < ActionID.largest else {
                throw StoreError.conflict("The series already has an action \(ActionID.text(highest)), the last id roundtable hands out; "
                    + "nothing was added. Renumber the actions in a dump and import it into a fresh state.")
            }
            let number = highest + 1
            let action = Action(id: ActionID.text(number), session: session, owner: owner, text: text, due: due)
            try Self.insert(action, number: number, series: series, db)
            return action
        }
    }

    /// Marks done (on a date) or reopens (nil); returns the updated action.
    ///
    /// Throws `.unknownAction(id)` for an id the series does not have, including ids not of the
    /// form A1, A2, ….
    public func setActionDone(series: String, id: String, on: LocalDate?) throws(StoreError) -> Action {
        guard let number = ActionID.number(id) else { throw .unknownAction(id) }
        return try write { db in
            try db.execute(
                sql: "UPDATE actions SET done_on = ? WHERE series = ? AND number = ?",
                arguments: [on?.description, series, number])
            guard db.changesCount > 0,
                  let row = try Row.fetchOne(
                      db,
                      sql: "SELECT \(Rows.actionColumns) FROM actions WHERE series = ? AND number = ?",
                      arguments: [series, number])
            else {
                throw StoreError.unknownAction(id)
            }
            return try Rows.action(row)
        }
    }

    /// Inserts one action under its number; a number already used is a `.conflict`.
    static func insert(_ action: Action, number: Int, series: String, _ db: Database) throws {
        do {
            try db.execute(
                sql: """
                    INSERT INTO actions (series, number, session, owner, text, due, done_on)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [series, number, action.session, action.owner, action.text,
                            action.due.description, action.done?.description])
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY {
            throw StoreError.conflict("Action '\(action.id)' already exists in series '\(series)'.")
        }
    }
}
