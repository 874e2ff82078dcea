import GRDB

/// The SQLite driver: the store's SQL on a GRDB connection, inside the transaction GRDB opened.
struct SQLiteConnection: SQLConnection {
    let db: Database

    func execute(sql: String, arguments: [any SQLValueConvertible]) throws {
        do {
            try db.execute(sql: sql, arguments: Self.bound(arguments))
        } catch let error as DatabaseError
                    where error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY || error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            throw DuplicateKey()
        }
    }

    func fetchAll(sql: String, arguments: [any SQLValueConvertible]) throws -> [SQLRow] {
        try Row.fetchAll(db, sql: sql, arguments: Self.bound(arguments)).map { row in
            SQLRow(values: Dictionary(row.map { ($0.0, Self.value($0.1)) }, uniquingKeysWith: { first, _ in first }))
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
