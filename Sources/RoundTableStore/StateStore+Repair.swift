import RoundTableCore

/// A row of the state that the readers refuse (`Rows`): what `repair` lists and removes.
public struct RefusedRow: Hashable, Sendable, CustomStringConvertible {
    /// The table, as the refusal names it.
    public let table: String
    /// The row's id in that table (SQLite's rowid, the identity column on PostgreSQL).
    public let rowid: Int64
    /// What is wrong with it, never the value itself.
    public let problem: String
    /// The ids the row is about (session, member, action), where they can be read.
    public let about: String

    public var description: String {
        "table '\(table)', row \(rowid)\(about.isEmpty ? "" : " (\(about))"): \(problem)"
    }
}

extension StateStore {
    /// One table the readers read: its name, the columns to select, and its row reader.
    private struct CheckedTable: Sendable {
        let name: String
        let columns: String
        /// The ids a person recognises the row by, selected as text where they are.
        let about: [String]
        let read: @Sendable (SQLRow) throws -> Void
    }

    /// Every table `records` reads, each with the reader that refuses what roundtable never writes.
    private static let checkedTables: [CheckedTable] = [
        CheckedTable(name: "completions", columns: Rows.completionColumns, about: ["session", "stage"]) { _ = try Rows.completion($0) },
        CheckedTable(name: "actions", columns: Rows.actionColumns, about: ["number"]) { _ = try Rows.action($0, history: []) },
        CheckedTable(name: "action_changes", columns: Rows.actionChangeColumns, about: ["number"]) { _ = try Rows.actionChange($0) },
        CheckedTable(name: "invitations", columns: Rows.invitationColumns, about: ["session", "attendee"]) { _ = try Rows.invitation($0) },
        CheckedTable(name: "replies", columns: Rows.replyColumns, about: ["session", "attendee"]) { _ = try Rows.reply($0) },
        CheckedTable(name: "ledger", columns: Rows.ledgerColumns, about: ["item", "recipient"]) { _ = try Rows.ledgerEntry($0) },
        CheckedTable(name: "attendance", columns: Rows.attendanceColumns, about: ["session", "member"]) { _ = try Rows.attendee($0) },
        CheckedTable(name: "away", columns: Rows.awayColumns, about: ["member", "from_day"]) { _ = try Rows.awayPeriod($0) },
        CheckedTable(name: "published_resources", columns: "collection, \(Rows.publishedColumns)", about: ["collection", "uid"]) {
            _ = try Rows.publication($0)
        },
    ]

    /// Every row of the series that a command would refuse to read (exit 65, naming it): the rows
    /// `repair` shows, table by table, in row order. Read in one snapshot.
    public func refusedRows(series: String) throws(StoreError) -> [RefusedRow] {
        try read { db in
            var refused: [RefusedRow] = []
            for table in Self.checkedTables {
                try db.forEachRow(sql: "SELECT \(table.columns) FROM \(table.name) WHERE series = ? ORDER BY rowid", arguments: [series]) { row in
                    do {
                        try table.read(row)
                    } catch StoreError.corrupt(_, _, let problem) {
                        let about = table.about.compactMap { column -> String? in
                            let value = row[column]
                            if let text = String(sqlValue: value) { return "\(column) \(Excerpt.of(text, limit: 40))" }
                            return Int64(sqlValue: value).map { "\(column) \($0)" }
                        }
                        refused.append(RefusedRow(table: table.name, rowid: Int64(sqlValue: row["rowid"]) ?? -1, problem: problem,
                                                  about: about.joined(separator: ", ")))
                    }
                }
            }
            return refused
        }
    }

    /// Removes `rows` of the series in one transaction, all or none; a removed action takes its
    /// history with it. Each row is read again first and removed only if it is still refused, so
    /// a row corrected (or replaced) since it was listed stays. Returns how many were removed.
    @discardableResult
    public func remove(_ rows: [RefusedRow], series: String) throws(StoreError) -> Int {
        try write { db in
            var removed = 0
            for row in rows {
                guard let table = Self.checkedTables.first(where: { $0.name == row.table }),
                      let current = try db.fetchOne(sql: "SELECT \(table.columns) FROM \(table.name) WHERE series = ? AND rowid = ?",
                                                    arguments: [series, row.rowid]) else { continue }
                do {
                    try table.read(current)
                    continue
                } catch StoreError.corrupt {}
                if table.name == "actions" {
                    try db.execute(sql: "DELETE FROM action_changes WHERE series = ? AND number IN (SELECT number FROM actions WHERE rowid = ?)",
                                   arguments: [series, row.rowid])
                }
                try db.execute(sql: "DELETE FROM \(table.name) WHERE series = ? AND rowid = ?", arguments: [series, row.rowid])
                removed += 1
            }
            return removed
        }
    }
}
