/// Why the state file could not be read or changed, in words a coordinator can act on.
///
/// Messages never quote the values bound to SQL statements (names, addresses, action texts):
/// they would end up in cron mails and logs.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    /// There is no state at `path` (no file, an empty one, or a database whose tables were never
    /// created), and this command does not make one: only `init` and `import` do. Nothing was created.
    case missing(path: String)
    /// A series was never set up in this state (`init`), so a command that sends would take it for
    /// a new series and send everything again.
    case seriesNotSetUp(path: String, series: [String])
    /// The file is not SQLite, is damaged, or belongs to another program; it is left untouched.
    case notADatabase(path: String)
    /// A newer roundtable migrated the file; this one would misread it, so it stays away.
    case newerSchema(path: String)
    /// The file or its folder cannot be created, opened or written (permissions, read-only disk…).
    case cannotOpen(path: String, reason: String)
    /// Writing failed part-way (disk full, a file size limit, an I/O error): the transaction was
    /// rolled back, so what was recorded before is kept and this command recorded nothing.
    case cannotWrite(path: String, reason: String)
    /// Another process kept the file locked for longer than the busy timeout.
    case locked(path: String)
    /// No action of the series has this id.
    case unknownAction(String)
    /// A record would duplicate one already kept, or cannot be stored as given; nothing was written.
    case conflict(String)
    /// A row holds what roundtable never writes (a hand-edited or damaged file, a table dropped):
    /// `table`, `row` ("row 12", its rowid) and what is wrong, never the value itself.
    case corrupt(table: String, row: String, problem: String)
    /// The PostgreSQL server cannot be reached, or the connection was lost: nothing more was
    /// recorded, and the next run can finish the job (exit 75).
    case unavailable(path: String, reason: String)
    /// The PostgreSQL server refused the login (exit 77); the password is never part of `reason`.
    case notPermitted(path: String, reason: String)
    /// A `postgres://` state needs libpq, which could not be loaded (exit 69).
    case clientMissing(reason: String)
    /// The PostgreSQL server lets this user read but not change the state (a read-only user or
    /// session, or a user without CREATE on a new database): exit 77.
    case readOnly(path: String, reason: String)
    /// The state URL holds a parameter libpq refuses (an unknown option, a bad value): exit 64.
    case badParameter(path: String, reason: String)
    /// The PostgreSQL server has no database of that name: exit 66.
    case missingDatabase(path: String)
    /// TLS was required (by the URL, or because the host is not this machine) and could not be
    /// had: the server does not offer it, or its certificate is not trusted. Nothing, the
    /// password included, was sent; exit 69.
    case tlsRefused(path: String, reason: String)
    /// Any other database failure, described without the statement's values.
    case failed(String)

    /// One sentence or two: what went wrong, with the path in single quotes, and what to do.
    public var description: String {
        switch self {
        case .missing(let path):
            return "There is no roundtable state at '\(path)'; nothing was created. Create it with 'roundtable init'."
        case .seriesNotSetUp(let path, let series):
            return "The state at '\(path)' was never set up for \(series.count == 1 ? "series" : "the series") "
                + "\(series.map { "'\($0)'" }.joined(separator: ", ")), so nothing was sent: it would send everything again. "
                + "If that state is the right one, run 'roundtable init' for the schedule first."
        case .notADatabase(let path):
            return "'\(path)' is not a roundtable state file: it is not an SQLite database, it is damaged, "
                + "or it belongs to another program. It was left as it is; move it aside or choose another state file with --state."
        case .newerSchema(let path):
            return "'\(path)' was written by a newer version of roundtable. "
                + "It was left as it is; use that version or a newer one."
        case .cannotOpen(let path, let reason):
            return "Cannot open '\(path)': \(reason). Check the permissions, or choose another state file with --state."
        case .cannotWrite(let path, let reason):
            return "Cannot write to '\(path)': \(reason). Nothing was recorded by this command and the earlier records are intact; "
                + "make room (or move the state with --state) and run it again."
        case .locked(let path):
            return "'\(path)' is locked by another roundtable process. Try again in a moment."
        case .unknownAction(let id):
            return "Unknown action '\(id)'. 'roundtable action list' shows the actions of the series."
        case .conflict(let message):
            return message
        case .corrupt(let table, let row, let problem):
            return "The state file has \(problem) in table '\(table)', \(row), which roundtable never writes. "
                + "Nothing was changed; 'roundtable repair' lists every such row and 'roundtable repair --remove' takes them out "
                + "(or restore the state from a dump)."
        case .unavailable(let path, let reason):
            return "Cannot reach the state at '\(path)': \(reason). This command recorded nothing more; run it again when the server is back."
        case .notPermitted(let path, let reason):
            return "The PostgreSQL server at '\(path)' refused the login: \(reason). "
                + "Check ROUNDTABLE_STATE_PASSWORD (or PGPASSWORD, ~/.pgpass) and the user in the URL."
        case .clientMissing(let reason):
            return "A postgres:// state needs PostgreSQL's client library, libpq (Debian: libpq5): \(reason)."
        case .readOnly(let path, let reason):
            return "The PostgreSQL server at '\(path)' does not let this user change the state: \(reason). "
                + "Nothing was recorded; use a user that may write (INSERT, UPDATE, DELETE on roundtable's tables, CREATE for a new database)."
        case .badParameter(let path, let reason):
            return "The state URL for '\(path)' cannot be used: \(reason). Correct the URL (see libpq's connection parameters)."
        case .missingDatabase(let path):
            return "There is no database at '\(path)'. Create it (createdb), or correct the database name in the URL."
        case .tlsRefused(let path, let reason):
            return "Cannot reach the state at '\(path)' over TLS: \(reason). Nothing was sent, not even the password. "
                + "Enable TLS on the server, or name the CA that signed its certificate with ROUNDTABLE_STATE_CA_FILE."
        case .failed(let message):
            return "The state file could not be used: \(message)."
        }
    }
}
