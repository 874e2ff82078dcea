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
        case let error as PostgresError:
            self = StoreError(postgres: error, path: path)
        case is DuplicateKey:
            self = .conflict("The state already holds that record; nothing was written.")
        default:
            self = .failed(String(describing: error))
        }
    }

    /// Whether `error` is one a statement on the state throws (what `init(_:path:)` classifies),
    /// rather than one of the caller's own inside a transaction.
    static func isTheState(_ error: any Error) -> Bool {
        error is StoreError || error is DatabaseError || error is PostgresError || error is DuplicateKey
    }

    private init(database error: DatabaseError, path: String) {
        switch error.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            self = .notADatabase(path: path)
        case .SQLITE_ERROR where error.message?.hasPrefix("no such table") == true || error.message?.hasPrefix("no such column") == true:
            // A table or column our migrations made is gone: the file was edited or damaged.
            self = .notADatabase(path: path)
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            self = .locked(path: path)
        case .SQLITE_CANTOPEN:
            self = .cannotOpen(path: path, reason: "the file or its folder cannot be opened")
        case .SQLITE_PERM, .SQLITE_AUTH:
            self = .cannotOpen(path: path, reason: "permission denied")
        case .SQLITE_READONLY:
            self = .cannotOpen(path: path, reason: "the file is read-only")
        case .SQLITE_FULL:
            self = .cannotWrite(path: path, reason: "the disk is full")
        case .SQLITE_IOERR:
            self = .cannotWrite(path: path, reason: Self.ioReason(error))
        default:
            self = .failed(error.message ?? "SQLite error \(error.extendedResultCode.rawValue)")
        }
    }

    /// PostgreSQL's SQLSTATE classes, as the SQLite codes above: the user's table gone, a lock,
    /// a server gone, a write not allowed, a full disk. Only the primary message is used (the detail quotes values).
    private init(postgres error: PostgresError, path: String) {
        let state = error.sqlState ?? ""
        if error.connectionLost || state.hasPrefix("08") || state.hasPrefix("57P") {
            self = .unavailable(path: path, reason: error.message.isEmpty ? "the connection was lost" : error.message)
        } else if state == "42P01" || state == "42703" || state == "42P07" {
            // A table of ours gone or changed, or (42P07, when our tables are first made) one of
            // their names already taken: another program's database.
            self = .notADatabase(path: path)
        } else if state.hasPrefix("28") {
            self = .notPermitted(path: path, reason: error.message)
        } else if state == "42501" || state == "25006" {
            // Insufficient privilege, or a read-only transaction (default_transaction_read_only,
            // a hot standby): the login worked, the write is not allowed.
            self = .readOnly(path: path, reason: error.message)
        } else if error.isRetryable || state == "55P03" {
            self = .locked(path: path)
        } else if state.hasPrefix("53") {
            self = .cannotWrite(path: path, reason: error.message)
        } else {
            self = .failed(error.message)
        }
    }

    /// SQLite says only "disk I/O error"; a failed write is most often a full disk or a file size
    /// limit (which the kernel reports the same way), so say that.
    private static func ioReason(_ error: DatabaseError) -> String {
        switch error.extendedResultCode {
        case .SQLITE_IOERR_WRITE, .SQLITE_IOERR_FSYNC, .SQLITE_IOERR_TRUNCATE, .SQLITE_IOERR_SHMSIZE:
            return "the disk is full or a file size limit was reached (disk I/O error while writing)"
        default:
            return "disk I/O error"
        }
    }
}
