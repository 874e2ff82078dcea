import CPostgres
import Foundation
import RoundTableCore

/// One connection to a PostgreSQL server through libpq, loaded at the first use (see
/// `CPostgres`): a SQLite user's process never maps libpq or its dependencies.
///
/// libpq reads everything a PostgreSQL user expects: the URL's parameters (`sslmode`, …), the
/// `PG*` environment variables, `~/.pgpass` and service files. The password given here (from
/// `ROUNDTABLE_STATE_PASSWORD`) is passed as its own keyword, never put into a URL, and is cut out
/// of any message libpq writes before that message is shown.
final class PostgresConnection: SQLConnection {
    private let handle: OpaquePointer
    private let secrets: [String]

    /// Connects; a refused login is `.notPermitted` (exit 77), anything else `.unavailable` (75).
    init(url: String, password: String?, shown: String) throws(StoreError) {
        guard rt_pq_load() == 0 else {
            throw .clientMissing(reason: rt_pq_load_error().map { String(cString: $0) } ?? "libpq.so.5 could not be loaded")
        }
        secrets = ([password].compactMap { $0 } + ServerURL(url, userPart: .upToLastAt).secrets).filter { !$0.isEmpty }
        var parameters = [("dbname", url), ("application_name", "roundtable")]
        if let password, !password.isEmpty { parameters.append(("password", password)) }
        let connection = Self.withCStrings(parameters.map(\.0)) { keywords in
            Self.withCStrings(parameters.map(\.1)) { values in rt_PQconnectdbParams(keywords, values, 1) }
        }
        guard let connection else { throw .unavailable(path: shown, reason: "out of memory") }
        guard rt_PQstatus(connection) == Int32(RT_CONNECTION_OK) else {
            let message = Self.cleaned(String(cString: rt_PQerrorMessage(connection)), hiding: secrets)
            let refused = rt_PQconnectionNeedsPassword(connection) != 0
                || message.contains("authentication failed") || message.contains("no password supplied")
            rt_PQfinish(connection)
            throw refused ? .notPermitted(path: shown, reason: message) : .unavailable(path: shown, reason: message)
        }
        handle = connection
    }

    deinit { rt_PQfinish(handle) }

    func execute(sql: String, arguments: [any SQLValueConvertible]) throws {
        _ = try fetchAll(sql: sql, arguments: arguments)
    }

    /// Runs one statement, parameters as text (their types inferred by the server), results as
    /// text turned back into integers where the column is one.
    func forEachRow(sql: String, arguments: [any SQLValueConvertible], _ body: (SQLRow) throws -> Void) throws {
        let texts: [String?] = arguments.map { argument in
            switch argument.sqlValue {
            case .null, .other: return nil
            case .integer(let value): return String(value)
            case .text(let text): return text
            }
        }
        let statement = SQLDialect.postgres.statement(sql)
        guard let result = Self.withCStrings(texts, { rt_PQexecParams(handle, statement, Int32(texts.count), $0) }) else {
            throw PostgresError(sqlState: nil, message: "out of memory", connectionLost: false)
        }
        defer { rt_PQclear(result) }
        let status = rt_PQresultStatus(result)
        guard status == Int32(RT_PGRES_COMMAND_OK) || status == Int32(RT_PGRES_TUPLES_OK) else {
            let error = PostgresError(
                sqlState: rt_PQresultErrorField(result, Int32(RT_DIAG_SQLSTATE)).map { String(cString: $0) },
                message: Self.cleaned(rt_PQresultErrorField(result, Int32(RT_DIAG_MESSAGE_PRIMARY)).map { String(cString: $0) }
                    ?? String(cString: rt_PQerrorMessage(handle)), hiding: secrets),
                connectionLost: rt_PQstatus(handle) != Int32(RT_CONNECTION_OK))
            if error.sqlState == "23505" { throw DuplicateKey() }
            throw error
        }
        let fields = 0..<rt_PQnfields(result)
        let columns = fields.map { String(cString: rt_PQfname(result, $0)) }
        let integers = fields.map { Self.isInteger(rt_PQftype(result, $0)) }
        for row in 0..<rt_PQntuples(result) {
            try body(SQLRow(columns: columns, values: fields.map { field in
                guard rt_PQgetisnull(result, row, field) == 0 else { return .null }
                let text = String(cString: rt_PQgetvalue(result, row, field))
                return integers[Int(field)] ? (Int64(text).map(SQLValue.integer) ?? Self.boolean(text)) : .text(text)
            }))
        }
    }

    /// int2, int4, int8 and bool: the types the store reads as integers.
    private static func isInteger(_ type: UInt32) -> Bool { [16, 20, 21, 23].contains(type) }

    private static func boolean(_ text: String) -> SQLValue {
        switch text {
        case "t": return .integer(1)
        case "f": return .integer(0)
        default: return .other
        }
    }

    /// libpq's message on one line, without a secret it could have quoted or a final full stop.
    private static func cleaned(_ message: String, hiding secrets: [String]) -> String {
        var text = message.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
        for secret in secrets { text = text.replacingOccurrences(of: secret, with: "…") }
        // Our messages add their own full stop after the reason.
        while text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// Runs `body` with a C array of the strings (NULL for nil) and a NULL after the last, as
    /// PQconnectdbParams's keyword list needs; the copies are freed afterwards.
    private static func withCStrings<T>(_ strings: [String?], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> T) -> T {
        let copies = strings.map { $0.flatMap { strdup($0) } } + [nil]
        defer { copies.forEach { free($0) } }
        return copies.map { $0.map { UnsafePointer($0) } }.withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}

/// A statement the server refused, or a connection that died under it.
struct PostgresError: Error {
    /// The five-character SQLSTATE; nil when the connection was lost before one came.
    let sqlState: String?
    /// The server's primary message, which never quotes bound values (the detail would).
    let message: String
    let connectionLost: Bool

    /// Another transaction's writes conflicted with this one (serialization failure, deadlock):
    /// running the same transaction again is the cure.
    var isRetryable: Bool { sqlState == "40001" || sqlState == "40P01" }
}
