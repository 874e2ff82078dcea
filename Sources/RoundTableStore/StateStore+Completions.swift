import CalendarTime
import RoundTableCore

extension StateStore {
    /// Records a completion in one IMMEDIATE transaction: reads the session's existing completions,
    /// calls `check` with them, then inserts.
    ///
    /// The rule (stages in order, no skipping) belongs to the Core and is passed in as `check`;
    /// running it inside the transaction means two processes cannot both pass it on the same old
    /// state. When `check` throws, nothing is written and its error is rethrown unchanged; every
    /// other failure is a `StoreError` (`.conflict` when that stage is already recorded).
    /// `attendance` (with a `hold`) is recorded in the same transaction.
    public func complete(_ c: Completion, series: String, attendance: Attendance? = nil, check: ([Completion]) throws -> Void) throws {
        try ruled { db in
            let recorded = try Self.completions(db, series: series, session: c.session)
            try Refusal.check { try check(recorded) }
            try Self.insert(c, series: series, recordedAt: recordedAt, db)
            if let attendance { try Self.insert(attendance, series: series, recordedAt: recordedAt, db) }
        }
    }

    /// Removes the latest completion (by stage order) of that session; returns it, or nil if none.
    ///
    /// Only the latest may go, so the stages left recorded still form an unbroken prefix; a `hold`
    /// takes its attendance with it. The latest is found inside the transaction and handed to
    /// `check` there (which may refuse it: nothing is removed, its error rethrown unchanged), so
    /// what is returned is what was removed, whatever another process recorded meanwhile.
    public func undoLatestCompletion(series: String, session: String, check: (Completion?) throws -> Void = { _ in }) throws -> Completion? {
        try ruled { db in
            let latest = try Self.completions(db, series: series, session: session).last
            try Refusal.check { try check(latest) }
            guard let latest else { return nil }
            try db.execute(
                sql: "DELETE FROM completions WHERE series = ? AND session = ? AND stage = ?",
                arguments: [series, session, latest.stage.rawValue])
            if latest.stage == .hold {
                try db.execute(sql: "DELETE FROM attendance WHERE series = ? AND session = ?", arguments: [series, session])
            }
            return latest
        }
    }

    /// The session's completions in stage order; sorted here because `Stage` owns that order.
    static func completions(_ db: any SQLConnection, series: String, session: String) throws -> [Completion] {
        try db.fetchAll(
            sql: "SELECT \(Rows.completionColumns) FROM completions WHERE series = ? AND session = ?",
            arguments: [series, session]
        )
        .map(Rows.completion)
        .sorted { $0.stage < $1.stage }
    }

    /// Inserts one completion; a second record of the same stage is a `.conflict`, not a crash of
    /// the primary key.
    static func insert(_ c: Completion, series: String, recordedAt: String, _ db: any SQLConnection) throws {
        do {
            try db.execute(
                sql: "INSERT INTO completions (series, session, stage, done_on, recorded_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [series, c.session, c.stage.rawValue, c.on.description, recordedAt])
        } catch is DuplicateKey {
            throw StoreError.conflict(
                "Stage '\(c.stage.rawValue)' of session '\(c.session)' is already recorded in series '\(series)'.")
        }
    }
}
