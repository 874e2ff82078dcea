/// One backend's connection inside a transaction: what the store's SQL runs on.
///
/// The store's statements are written once, with `?` placeholders and SQL both SQLite and
/// PostgreSQL read (`INSERT … ON CONFLICT`, see `SQLInsert`); each driver binds the values and
/// turns what it reads into `SQLRow`s. What the two still read differently (placeholders, types,
/// collation, a row id) is `SQLDialect`'s.
protocol SQLConnection {
    /// Runs a statement that returns no rows.
    func execute(sql: String, arguments: [any SQLValueConvertible]) throws
    /// Runs a query and returns every row.
    func fetchAll(sql: String, arguments: [any SQLValueConvertible]) throws -> [SQLRow]
}

extension SQLConnection {
    func execute(sql: String) throws { try execute(sql: sql, arguments: []) }

    /// The first row, or nil when there is none.
    func fetchOne(sql: String, arguments: [any SQLValueConvertible]) throws -> SQLRow? {
        try fetchAll(sql: sql, arguments: arguments).first
    }
}

/// One row of a result, by column name.
struct SQLRow {
    let values: [String: SQLValue]

    /// The column's value; NULL for a column the query did not select.
    subscript(column: String) -> SQLValue { values[column] ?? .null }
}

/// A row with the same primary key is already there: each driver reports its backend's own
/// error this way, so the store names the record in one place.
struct DuplicateKey: Error {}
