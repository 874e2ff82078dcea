/// INSERT statements in the one form both backends read (SQLite since 3.24, PostgreSQL since
/// 9.5): the upsert the store needs is written here once, not as SQLite's `INSERT OR REPLACE`.
enum SQLInsert {
    /// What to do when a row with the same key is there.
    enum OnConflict {
        /// Fail with `DuplicateKey` (an import: a record already kept is refused).
        case fail
        /// Leave the row as it was (a ledger entry written twice).
        case ignore
        /// Overwrite the row's other columns (what was last sent, the newest reply).
        case replace(key: [String])
    }

    /// `INSERT INTO table (columns) VALUES (?, …)` and its conflict clause.
    static func statement(into table: String, columns: [String], onConflict: OnConflict = .fail) -> String {
        let insert = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"
        switch onConflict {
        case .fail:
            return insert
        case .ignore:
            return insert + " ON CONFLICT DO NOTHING"
        case .replace(let key):
            let updated = columns.filter { !key.contains($0) }.map { "\($0) = excluded.\($0)" }
            return insert + " ON CONFLICT (\(key.joined(separator: ", "))) DO UPDATE SET \(updated.joined(separator: ", "))"
        }
    }
}
