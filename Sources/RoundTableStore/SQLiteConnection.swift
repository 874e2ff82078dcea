import GRDB

/// The SQLite driver: the store's SQL on a GRDB connection, inside the transaction GRDB opened.
struct SQLiteConnection: SQLConnection {
    let db: Database

    /// A write is prepared once per connection and reused (GRDB's statement cache): an import of
    /// 200,000 actions runs the same INSERT 200,000 times, and preparing it each time was a third
    /// of the import.
    func execute(sql: String, arguments: [any SQLValueConvertible]) throws {
        do {
            try db.cachedStatement(sql: sql).execute(arguments: Self.bound(arguments))
        } catch let error as DatabaseError
                    where error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY || error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            throw DuplicateKey()
        }
    }

    /// Reads each value straight from the statement as it steps, by position, rather than
    /// through a copied GRDB `Row` looked up by name.
    ///
    /// The statement is prepared each time, not taken from GRDB's statement cache: every `read`
    /// ends with `PRAGMA query_only`, which expires every prepared statement, so a cached one is
    /// prepared again at its next step anyway (measured: no fewer instructions, a few more).
    func forEachRow(sql: String, arguments: [any SQLValueConvertible], _ body: (SQLRow) throws -> Void) throws {
        let statement = try db.makeStatement(sql: sql)
        let columns = statement.columnNames
        let cursor = try Row.fetchCursor(statement, arguments: Self.bound(arguments))
        while try cursor.next() != nil {
            try body(SQLRow(columns: columns, values: (0..<Int32(columns.count)).map { index in
                Self.value(DatabaseValue(sqliteStatement: statement.sqliteStatement, index: index))
            }))
        }
    }

    private static func bound(_ arguments: [any SQLValueConvertible]) -> StatementArguments {
        StatementArguments(arguments.map { argument -> DatabaseValue in
            switch argument.sqlValue {
            case .null, .other: return .null
            case .integer(let value): return value.databaseValue
            case .text(let text): return text.databaseValue
            }
        })
    }

    /// SQLite's storage classes as the store reads them: a REAL or a BLOB, which roundtable never
    /// writes, is `other`.
    private static func value(_ value: DatabaseValue) -> SQLValue {
        switch value.storage {
        case .null: return .null
        case .int64(let integer): return .integer(integer)
        case .string(let text): return .text(text)
        case .double, .blob: return .other
        }
    }
}
