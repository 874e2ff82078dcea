extension SQLConnection {
    /// The rows of `table` that belong to each of `series`, grouped by series, each series' rows
    /// in `order`: one statement for all of them (`WHERE series IN (?, …)`), however many series
    /// a command works on. A series with no rows has no entry.
    ///
    /// An organisation's records were read with six statements per series; preparing them cost
    /// more than reading the rows. The list of ids is cut into statements of at most
    /// `seriesPerStatement` ids, below every backend's limit on bound values; an id named twice
    /// is read once.
    ///
    /// - Parameters:
    ///   - columns: the columns the row readers of `Rows` need (`series` is selected besides).
    ///   - condition: more of the WHERE clause (" AND number = ?"), its values in `arguments`.
    ///   - order: the ORDER BY within a series; nil when the caller sorts.
    func fetchAll(_ columns: String, from table: String, series: [String], condition: String = "",
                  arguments: [any SQLValueConvertible] = [], orderBy order: String?) throws -> [String: [SQLRow]] {
        var seen = Set<String>()
        let unique = series.filter { seen.insert($0).inserted }
        var grouped: [String: [SQLRow]] = [:]
        for start in stride(from: 0, to: unique.count, by: seriesPerStatement) {
            let ids = unique[start..<min(start + seriesPerStatement, unique.count)]
            let placeholders = Array(repeating: "?", count: ids.count).joined(separator: ", ")
            let rows = try fetchAll(sql: "SELECT series, \(columns) FROM \(table) WHERE series IN (\(placeholders))\(condition)"
                                        + (order.map { " ORDER BY series, \($0)" } ?? ""),
                                    arguments: ids.map { $0 as any SQLValueConvertible } + arguments)
            for row in rows {
                grouped[try Rows.series(row, table: table), default: []].append(row)
            }
        }
        return grouped
    }
}

extension [String: [SQLRow]] {
    /// Each series' rows decoded: `mapValues`, except that no rows allocate nothing. `mapValues`
    /// makes a dictionary of the new type even when empty, and the runtime instantiates that
    /// type's metadata by demangling its name: 0.4 M instructions for AJC's empty invitations.
    func decoded<T>(_ decode: ([SQLRow]) throws -> T) rethrows -> [String: T] {
        var decoded: [String: T] = [:]
        for (series, rows) in self { decoded[series] = try decode(rows) }
        return decoded
    }
}

/// How many series ids one statement binds: SQLite before 3.32 took at most 999 values,
/// PostgreSQL takes 65,535.
private let seriesPerStatement = 900
