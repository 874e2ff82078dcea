/// One backend's connection inside a transaction: what the store's SQL runs on.
///
/// The store's statements are written once, with `?` placeholders and SQL both SQLite and
/// PostgreSQL read (`INSERT … ON CONFLICT`, see `SQLInsert`); each driver binds the values and
/// turns what it reads into `SQLRow`s. What the two still read differently (placeholders, types,
/// collation, a row id) is `SQLDialect`'s.
protocol SQLConnection {
    /// Runs a statement that returns no rows.
    func execute(sql: String, arguments: [any SQLValueConvertible]) throws
    /// Runs a query and hands each row to `body` as it is read, so that a large result (an
    /// organisation's 50,000 actions) is decoded row by row rather than held whole first.
    func forEachRow(sql: String, arguments: [any SQLValueConvertible], _ body: (SQLRow) throws -> Void) throws
}

extension SQLConnection {
    func execute(sql: String) throws { try execute(sql: sql, arguments: []) }

    /// Runs a query and returns every row.
    func fetchAll(sql: String, arguments: [any SQLValueConvertible]) throws -> [SQLRow] {
        var rows: [SQLRow] = []
        try forEachRow(sql: sql, arguments: arguments) { rows.append($0) }
        return rows
    }

    /// The first row, or nil when there is none.
    func fetchOne(sql: String, arguments: [any SQLValueConvertible]) throws -> SQLRow? {
        try fetchAll(sql: sql, arguments: arguments).first
    }
}

/// One row of a result: its values in the order the statement selected them, and the column
/// names, which every row of a result shares rather than each keeping its own copy.
///
/// A result has a handful of columns (at most ten or so), so finding one by name scans a few
/// short strings: cheaper than hashing them into a dictionary for every row, and a state of
/// 50,000 actions is read row by row.
struct SQLRow {
    let columns: [String]
    let values: [SQLValue]

    /// The column's value; NULL for a column the query did not select. A name selected twice
    /// reads the first.
    subscript(column: String) -> SQLValue {
        guard let index = columns.firstIndex(of: column) else { return .null }
        return values[index]
    }
}

/// A row with the same primary key is already there: each driver reports its backend's own
/// error this way, so the store names the record in one place.
struct DuplicateKey: Error {}
