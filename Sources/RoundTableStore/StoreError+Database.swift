import GRDB

extension StoreError {
    /// Classifies whatever a database access threw, so every public method reports one error type.
    ///
    /// A `StoreError` thrown from inside a transaction passes through unchanged. SQLite's message is
    /// used, never `DatabaseError.description`, which quotes the SQL.
    init(_ error: any Error, path: String) {
        switch error {
        case let error as StoreError:
            self = error
        case let error as DatabaseError:
            self = StoreError(database: error, path: path)
        default:
            self = .failed(String(describing: error))
        }
    }

    private init(database error: DatabaseError, path: String) {
        switch error.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            self = .notADatabase(path: path)
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            self = .locked(path: path)
        case .SQLITE_CANTOPEN:
            self = .cannotOpen(path: path, reason: "the file or its folder cannot be opened")
        case .SQLITE_PERM, .SQLITE_AUTH:
            self = .cannotOpen(path: path, reason: "permission denied")
        case .SQLITE_READONLY:
            self = .cannotOpen(path: path, reason: "the file is read-only")
        default:
            self = .failed(error.message ?? "SQLite error \(error.extendedResultCode.rawValue)")
        }
    }
}
