import GRDB
import RoundTableCore

extension StateStore {
    /// Everything recorded for a series, read in one snapshot so completions and actions agree.
    ///
    /// Completions come ordered by session id, then stage order (sorted here, as `Stage` owns that
    /// order); actions by number (A2 before A10).
    public func records(series: String) throws(StoreError) -> Records {
        try read { db in
            let completions = try Row.fetchAll(
                db,
                sql: "SELECT \(Rows.completionColumns) FROM completions WHERE series = ?",
                arguments: [series]
            )
            .map(Rows.completion)
            let actions = try Self.actions(db, series: series)
            return Records(
                series: series,
                completions: completions.sorted { ($0.session, $0.stage) < ($1.session, $1.stage) },
                actions: actions)
        }
    }

    /// Adds every record of `records` in ONE transaction, all or nothing; it replaces nothing.
    ///
    /// Throws `.conflict` naming the first record that already exists (same series, session and
    /// stage; or same series and action id), that `records` repeats, or whose id is not of the form
    /// A1, A2, …; nothing is written then. Stage order is not checked here: that rule is the Core's.
    public func importRecords(_ records: Records) throws(StoreError) {
        try write { db in
            for completion in records.completions {
                try Self.insert(completion, series: records.series, db)
            }
            for action in records.actions {
                guard let number = ActionID.number(action.id) else {
                    throw StoreError.conflict("Action id '\(action.id)' is not of the form A1, A2, … (up to \(ActionID.text(ActionID.largest))); nothing was imported.")
                }
                try Self.insert(action, number: number, series: records.series, db)
            }
        }
    }
}
