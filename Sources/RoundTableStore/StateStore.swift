import Foundation
import CalendarTime
import GRDB
import RoundTableCore

/// The recorded facts of every series (completions, actions, what was sent, replies), kept in
/// one SQLite file, or in a PostgreSQL database shared by several machines, that the
/// coordinator's commands and cron's runs may use at the same time.
///
/// It is `Sendable` without `@unchecked`: its stored properties are immutable, `DatabaseQueue`
/// serialises this process's accesses on its own dispatch queue, SQLite's file locks with a busy
/// timeout serialise processes, and `PostgresSession` serialises the use of its connection.
public final class StateStore: Sendable {
    /// The state as shown in every error, so a message says which state is meant: the path as the
    /// caller gave it, or a PostgreSQL URL without its user part (`ServerURL.shownWithPath`).
    public let path: String
    /// Where the records are.
    let backend: Backend
    /// The instant every record written through this store is recorded at (UTC, `…Z`): the
    /// command's clock, so that `--as-of` can later leave out what was recorded after a day.
    let recordedAt: String

    /// The two places a state can be.
    enum Backend: Sendable {
        /// One connection is enough: a command does a few short transactions, one after the other.
        case sqlite(DatabaseQueue)
        case postgres(PostgresSession)
    }

    /// What opening does when there is no state there yet: no file (or an empty one), or a
    /// PostgreSQL database whose tables were never created.
    public enum MissingState: Sendable {
        /// Make it: `init` and `import`, which start a state on purpose.
        case create
        /// Refuse with `.missing`, creating nothing: a mistyped path must not start an empty
        /// series that would send everything again.
        case refuse
    }

    /// Opens the state: a `postgres://` (or `postgresql://`) URL is a PostgreSQL database, anything
    /// else a SQLite file, created if needed and `ifMissing` is `.create`. An older schema is
    /// migrated; a newer one refused.
    ///
    /// A missing folder is created 0700 and a missing file 0600, since actions name people. An
    /// existing file is checked (SQLite header, integrity, schema version) before anything is
    /// written to it, so a file that is not ours, damaged or newer is left byte for byte as it was.
    /// A symbolic link is followed to an existing file; a dangling one is refused (see `StateFile`).
    /// `password` (`ROUNDTABLE_STATE_PASSWORD`) goes to the PostgreSQL server only, never into a
    /// message; without it libpq's own sources apply (`PGPASSWORD`, `~/.pgpass`). `caFile`
    /// (`ROUNDTABLE_STATE_CA_FILE`) is the CA a PostgreSQL server's certificate must come from.
    /// `now` (seconds since the epoch) is when its records are recorded: the caller's clock, as
    /// the store reads none. `environment` is the process's, which libpq's settings come from.
    /// A state that is not there is created, or refused as `.missing` (`ifMissing`).
    public init(path: String, password: String? = nil, caFile: String? = nil, ifMissing opening: MissingState = .create,
                now: Int, environment: [String: String]) throws(StoreError) {
        recordedAt = LocalDateTime(secondsSinceEpoch: now).utcText
        if Self.isServer(path) {
            let shown = ServerURL(path, userPart: .upToLastAt).shownWithPath
            self.path = shown
            let session = PostgresSession(try PostgresConnection(url: path, password: password, caFile: caFile, shown: shown,
                                                                 environment: environment))
            backend = .postgres(session)
            do {
                try Migrations.migrate(session, path: shown, ifMissing: opening)
            } catch {
                throw StoreError(error, path: shown)
            }
            return
        }
        let target = try StateFile.prepare(path, ifMissing: opening)
        self.path = path
        do {
            let database = try DatabaseQueue(path: target, configuration: Self.configuration)
            try Self.checkAndMigrate(database, path: path, usesWAL: true, ifMissing: opening)
            backend = .sqlite(database)
        } catch {
            throw StoreError(error, path: path)
        }
    }

    /// Whether `location` names a PostgreSQL database rather than a file.
    public static func isServer(_ location: String) -> Bool {
        let lowered = location.lowercased()
        return lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://")
    }

    private init(inMemory database: DatabaseQueue, now: Int) {
        path = ":memory:"
        backend = .sqlite(database)
        recordedAt = LocalDateTime(secondsSinceEpoch: now).utcText
    }

    /// For tests: an in-memory database with the same migrations, so store tests need no files;
    /// what it records is recorded at `now`.
    public static func inMemory(now: Int) throws(StoreError) -> StateStore {
        do {
            let database = try DatabaseQueue(configuration: configuration)
            try checkAndMigrate(database, path: ":memory:", usesWAL: false, ifMissing: .create)
            return StateStore(inMemory: database, now: now)
        } catch {
            throw StoreError(error, path: ":memory:")
        }
    }

    /// How long to wait for another process's lock before reporting `.locked`: long enough for a
    /// cron run and a coordinator's command recording at the same moment to both succeed.
    private static let busyTimeout: TimeInterval = 5

    /// `publicStatementArguments` stays off (GRDB's default): errors then never quote the values
    /// bound to a statement.
    private static var configuration: Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        return configuration
    }

    /// Validates before writing: integrity and schema version are read first; only a file that
    /// lacks migrations is then switched to WAL and migrated. An up-to-date file is not written at
    /// all on opening. (GRDB's own `journalMode = .wal` would write before these checks.)
    private static func checkAndMigrate(_ database: DatabaseQueue, path: String, usesWAL: Bool, ifMissing opening: MissingState) throws {
        let needsMigration = try database.read { db in
            let problems = try String.fetchAll(db, sql: "PRAGMA quick_check")
            guard problems == ["ok"] else { throw StoreError.notADatabase(path: path) }
            return try Migrations.needsMigrating(db, path: path, ifMissing: opening)
        }
        guard needsMigration else { return }
        if usesWAL {
            try enableWAL(database)
        }
        try Migrations.migrate(database)
    }

    /// Switches a new file to WAL, waiting out other processes as the busy timeout would.
    ///
    /// SQLite does not call the busy handler when it changes the journal mode, so a process that
    /// opens a brand-new file while another is setting it up gets SQLITE_BUSY at once.
    private static func enableWAL(_ database: DatabaseQueue) throws {
        let deadline = ContinuousClock.now + .seconds(busyTimeout)
        while true {
            do {
                try database.writeWithoutTransaction { try $0.execute(sql: "PRAGMA journal_mode = WAL") }
                return
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && ContinuousClock.now < deadline {
                Thread.sleep(forTimeInterval: 0.01)
            }
        }
    }

    /// Runs `body` in one transaction in which a read-check-write cannot interleave with another
    /// process's: on SQLite an IMMEDIATE one (the write lock is taken before the first read), on
    /// PostgreSQL a SERIALIZABLE one, run again on a serialization failure. Errors pass through as
    /// thrown.
    func transaction<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        switch backend {
        case .sqlite(let database):
            return try database.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(SQLiteConnection(db: db))
                    return .commit
                }
                // Set: `inTransaction` returns only after the body ran and its transaction committed.
                return result!
            }
        case .postgres(let session):
            return try session.transaction(readOnly: false, body)
        }
    }

    /// `transaction` for a read-check-write whose check is a rule of the Core: the body runs the
    /// rule through `Refusal.check`, and what the rule throws reaches the caller unchanged (the
    /// transaction rolled back); every other failure is a `StoreError`.
    func ruled<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        do {
            return try transaction(body)
        } catch let refusal as Refusal {
            throw refusal.reason
        } catch {
            throw StoreError(error, path: path)
        }
    }

    /// `transaction` with every error classified as a `StoreError`.
    func write<T>(_ body: (any SQLConnection) throws -> T) throws(StoreError) -> T {
        do {
            return try transaction(body)
        } catch {
            throw StoreError(error, path: path)
        }
    }

    /// Reads in one snapshot, every error classified as a `StoreError`.
    func read<T>(_ body: (any SQLConnection) throws -> T) throws(StoreError) -> T {
        do {
            switch backend {
            case .sqlite(let database): return try database.read { try body(SQLiteConnection(db: $0)) }
            case .postgres(let session): return try session.transaction(readOnly: true, body)
            }
        } catch {
            throw StoreError(error, path: path)
        }
    }
}

/// Carries a rule's refusal out of a transaction untouched, so it is not mistaken for a
/// database failure and classified.
struct Refusal: Error {
    let reason: any Error

    /// Runs a rule inside a transaction; what it throws becomes a `Refusal`.
    static func check<T>(_ rule: () throws -> T) throws -> T {
        do {
            return try rule()
        } catch {
            throw Refusal(reason: error)
        }
    }
}
