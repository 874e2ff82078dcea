/// Reads one table for many series at once: what lets a command over an organisation read its
/// records with a few statements.
enum SeriesRows {
    /// The rows of `table` that belong to each of `series`, each decoded as it is read and
    /// grouped by series, each series' values in `order`: one statement for all of them
    /// (`WHERE series IN (?, …)`), however many series a command works on. A series with no rows
    /// has no entry.
    ///
    /// An organisation's records were read with six statements per series; preparing them cost
    /// more than reading the rows. The list of ids is cut into statements of at most
    /// `seriesPerStatement` ids, below every backend's limit on bound values; an id named twice
    /// is read once. Decoding row by row keeps no table's rows alive at once (holding them all
    /// raised an organisation's peak memory by 10 MB), and an empty table allocates nothing.
    ///
    /// - Parameters:
    ///   - columns: the columns the row readers of `Rows` need (`series` is selected besides).
    ///   - condition: more of the WHERE clause (" AND number = ?"), its values in `arguments`.
    ///   - order: the ORDER BY within a series; nil when the caller sorts.
    ///   - decode: a row's value, given the series it belongs to.
    ///
    /// A static function over `any SQLConnection` rather than a method of the protocol: as a
    /// protocol method on an opened existential it stayed generic at run time, and instantiating
    /// its result type's metadata cost every run 0.4 M instructions.
    static func read<Value>(_ db: any SQLConnection, _ columns: String, from table: String, series: [String], condition: String = "",
                            arguments: [any SQLValueConvertible] = [], orderBy order: String?,
                            _ decode: (_ series: String, _ row: SQLRow) throws -> Value) throws -> [String: [Value]] {
        var seen = Set<String>()
        let unique = series.filter { seen.insert($0).inserted }
        var grouped: [String: [Value]] = [:]
        for start in stride(from: 0, to: unique.count, by: seriesPerStatement) {
            let ids = unique[start..<min(start + seriesPerStatement, unique.count)]
            let placeholders = Array(repeating: "?", count: ids.count).joined(separator: ", ")
            try db.forEachRow(sql: "SELECT series, \(columns) FROM \(table) WHERE series IN (\(placeholders))\(condition)"
                                  + (order.map { " ORDER BY series, \($0)" } ?? ""),
                              arguments: ids.map { $0 as any SQLValueConvertible } + arguments) { row in
                let id = try Rows.series(row, table: table)
                grouped[id, default: []].append(try decode(id, row))
            }
        }
        return grouped
    }
}

/// How many series ids one statement binds: SQLite before 3.32 took at most 999 values,
/// PostgreSQL takes 65,535.
private let seriesPerStatement = 900
