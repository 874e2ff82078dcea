import Foundation

/// The store's one PostgreSQL connection, shared by its transactions and its run locks.
///
/// `@unchecked Sendable`: libpq allows one thread at a time on a connection, and every use goes
/// through `lock`, so the store stays `Sendable` like its SQLite side.
final class PostgresSession: @unchecked Sendable {
    private let lock = NSLock()
    private let connection: PostgresConnection

    /// How often a transaction is run again after another one's writes conflicted with it.
    private static let attempts = 50

    init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// Runs `body` in one transaction: SERIALIZABLE for writes, so a rule checked on what the
    /// body read still holds when it commits (PostgreSQL aborts one of two transactions that would
    /// not), and a read-only REPEATABLE READ snapshot for reads. A serialization failure or a
    /// deadlock runs the body again, on the new state, after a short random pause; the body's own
    /// errors roll back and pass through.
    func transaction<T>(readOnly: Bool, _ body: (any SQLConnection) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        let begin = readOnly ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN ISOLATION LEVEL SERIALIZABLE"
        var attempt = 1
        while true {
            do {
                try connection.execute(sql: begin)
                let result = try body(connection)
                try connection.execute(sql: "COMMIT")
                return result
            } catch {
                try? connection.execute(sql: "ROLLBACK")
                guard let failure = error as? PostgresError, failure.isRetryable, attempt < Self.attempts else { throw error }
                attempt += 1
                Thread.sleep(forTimeInterval: Double.random(in: 0.002...0.02) * Double(min(attempt, 10)))
            }
        }
    }

    /// Runs one statement outside a transaction (the session-level advisory locks).
    func fetchAll(sql: String, arguments: [any SQLValueConvertible]) throws -> [SQLRow] {
        lock.lock()
        defer { lock.unlock() }
        return try connection.fetchAll(sql: sql, arguments: arguments)
    }
}
