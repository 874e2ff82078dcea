import CalendarTime
import RoundTableCore

extension StateStore {
    /// Adds an action with the next id for the series and returns it.
    ///
    /// The number is one more than the series' highest, read and used inside one IMMEDIATE
    /// transaction, so concurrent processes get distinct ids. Actions are never deleted (a dropped
    /// one is kept), so an id is never handed out twice.
    public func addAction(series: String, session: String, owner: String, text: String, due: LocalDate,
                          followsNextSession: Bool = false) throws(StoreError) -> Action {
        try write { db in
            let highest = try db.fetchOne(sql: "SELECT MAX(number) AS highest FROM actions WHERE series = ?", arguments: [series])
                .flatMap { Int(sqlValue: $0["highest"]) } ?? 0
            guard highest < ActionID.largest else {
                throw StoreError.conflict("The series already has an action \(ActionID.text(highest)), the last id roundtable hands out; "
                    + "nothing was added. Renumber the actions in a dump and import it into a fresh state.")
            }
            let number = highest + 1
            let action = Action(id: ActionID.text(number), session: session, owner: owner, text: text, due: due,
                                followsNextSession: followsNextSession, recorded: LocalDateTime(utcText: recordedAt))
            try Self.insert(action, number: number, series: series, recordedAt: recordedAt, db)
            return action
        }
    }

    /// Changes one action in one IMMEDIATE transaction: reads it (with its history), hands it to
    /// `change` (a rule of the Core, which returns the action as it should be or throws its
    /// refusal unchanged, nothing written), then writes it and the history entries it added.
    ///
    /// Throws `.unknownAction(id)` for an id the series does not have, including ids not of the
    /// form A1, A2, ….
    public func changeAction(series: String, id: String, _ change: (Action) throws -> Action) throws -> Action {
        guard let number = ActionID.number(id) else { throw StoreError.unknownAction(id) }
        return try ruled { db in
            guard let current = try Self.actions(db, series: [series], number: number)[series]?.first else { throw StoreError.unknownAction(id) }
            let changed = try Refusal.check { try change(current) }
            try db.execute(
                sql: """
                    UPDATE actions SET owner = ?, text = ?, due = ?, due_follows = ?, done_on = ?, dropped_on = ?, dropped_reason = ?
                    WHERE series = ? AND number = ?
                    """,
                arguments: [changed.owner, changed.text, changed.due.description, changed.followsNextSession,
                            changed.done?.description, changed.dropped?.on.description, changed.dropped?.reason, series, number])
            try Self.insertHistory(changed.history.dropFirst(current.history.count), from: current.history.count + 1,
                                   number: number, series: series, recordedAt: recordedAt, db)
            return changed
        }
    }

    /// The actions of each of `series` (every id named has an entry), in one snapshot with one
    /// statement per table, as `records(series:ledger:)` reads them.
    public func actions(series: [String]) throws(StoreError) -> [String: [Action]] {
        try read { db in
            let actions = try Self.actions(db, series: series)
            return Dictionary(series.map { ($0, actions[$0] ?? []) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// Each series' actions by number (A2 before A10), each with its history; or only one number.
    static func actions(_ db: any SQLConnection, series: [String], number: Int? = nil) throws -> [String: [Action]] {
        let only = number == nil ? "" : " AND number = ?"
        let arguments: [any SQLValueConvertible] = number.map { [$0] } ?? []
        var histories: [String: [Int: [Action.Change]]] = [:]
        for (id, changes) in try SeriesRows.read(db, Rows.actionChangeColumns, from: "action_changes", series: series, condition: only,
                                             arguments: arguments, orderBy: "number, seq", { try Rows.actionChange($1) }) {
            histories[id] = Dictionary(grouping: changes, by: \.number).mapValues { $0.map(\.change) }
        }
        return try SeriesRows.read(db, Rows.actionColumns, from: "actions", series: series, condition: only, arguments: arguments,
                               orderBy: "number") { id, row in
            try Rows.action(row, history: histories[id]?[Int(sqlValue: row["number"]) ?? 0] ?? [])
        }
    }

    /// Inserts one action under its number, with its history; a number already used is a `.conflict`.
    /// The action's own `recorded` instant is kept (a backup's); its changes are recorded at
    /// `recordedAt` when it has none, else on their day.
    static func insert(_ action: Action, number: Int, series: String, recordedAt: String? = nil, _ db: any SQLConnection) throws {
        do {
            try db.execute(
                sql: """
                    INSERT INTO actions (series, number, session, owner, text, due, due_follows, done_on, dropped_on, dropped_reason, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [series, number, action.session, action.owner, action.text, action.due.description,
                            action.followsNextSession, action.done?.description, action.dropped?.on.description,
                            action.dropped?.reason, action.recorded?.utcText])
        } catch is DuplicateKey {
            throw StoreError.conflict("Action '\(action.id)' already exists in series '\(series)'.")
        }
        try insertHistory(action.history[...], from: 1, number: number, series: series, recordedAt: recordedAt, db)
    }

    private static func insertHistory(_ changes: ArraySlice<Action.Change>, from seq: Int, number: Int, series: String,
                                      recordedAt: String?, _ db: any SQLConnection) throws {
        for (offset, change) in changes.enumerated() {
            try db.execute(
                sql: "INSERT INTO action_changes (series, number, seq, on_day, field, before, after, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                arguments: [series, number, seq + offset, change.on.description, change.field.rawValue, change.before, change.after,
                            recordedAt ?? change.on.description + "T00:00:00Z"])
        }
    }
}
