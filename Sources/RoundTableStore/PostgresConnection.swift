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

    /// Connects. A refused login is `.notPermitted` (exit 77), a parameter libpq refuses
    /// `.badParameter` (64), a database that does not exist `.missingDatabase` (66), TLS that
    /// was required and could not be had `.tlsRefused` (69), anything else `.unavailable` (75).
    ///
    /// TLS is required for a host that is not this machine unless the URL says otherwise
    /// (`tlsParameters`); `caFile` (`ROUNDTABLE_STATE_CA_FILE`) names the CA its certificate
    /// must come from, for the host name in the URL (`verify-full`). `environment` is the
    /// process's, for the `PGHOST` and `PGSSLMODE` that decide whether TLS is required.
    init(url: String, password: String?, caFile: String? = nil, shown: String, environment: [String: String]) throws(StoreError) {
        guard rt_pq_load() == 0 else {
            throw .clientMissing(reason: rt_pq_load_error().map { String(cString: $0) } ?? "libpq.so.5 could not be loaded")
        }
        secrets = ([password].compactMap { $0 } + ServerURL(url, userPart: .upToLastAt).secrets).filter { !$0.isEmpty }
        let given: [String: String]
        do {
            given = try Self.settings(of: url, ["host", "sslmode", "sslrootcert"])
        } catch {
            throw .badParameter(path: shown, reason: Self.cleaned(error.message, hiding: secrets))
        }
        var parameters = [("dbname", url), ("application_name", "roundtable")]
        parameters += Self.tlsParameters(given: given, caFile: caFile, environment: environment)
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
            throw Self.classify(message, loginRefused: refused, shown: shown)
        }
        handle = connection
    }

    /// Why a connection failed, from libpq's message, which is all libpq gives (the server's
    /// SQLSTATE is not kept for a failed start-up).
    private static func classify(_ message: String, loginRefused: Bool, shown: String) -> StoreError {
        if message.contains("does not support SSL") || message.contains("SSL error") || message.contains("certificate") {
            return .tlsRefused(path: shown, reason: message)
        }
        if loginRefused { return .notPermitted(path: shown, reason: message) }
        if message.contains("database \""), message.contains("\" does not exist") { return .missingDatabase(path: shown) }
        // libpq checks the options' values before it connects, and says so in these words.
        if message.hasPrefix("invalid ") || message.contains(" in URI") || message.hasPrefix("could not match ") {
            return .badParameter(path: shown, reason: message)
        }
        return .unavailable(path: shown, reason: message)
    }

    /// Whether every host `host` names is this machine: none (libpq's default Unix socket), a
    /// socket folder, `localhost`, 127.0.0.0/8 or ::1. Judged on the names in the URL, which
    /// are also what a certificate is checked against, whatever `hostaddr` says.
    static func isLoopback(_ host: String?) -> Bool {
        guard let host, !host.isEmpty else { return true }
        return host.split(separator: ",", omittingEmptySubsequences: false).allSatisfy { name in
            let name = name.trimmingCharacters(in: .whitespaces).lowercased()
            if name.isEmpty || name.hasPrefix("/") || name.hasPrefix("@") || name == "localhost" || name == "::1" || name == "[::1]" {
                return true
            }
            let octets = name.split(separator: ".", omittingEmptySubsequences: false)
            return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
        }
    }

    /// The TLS settings added to what the URL says: for a host that is not this machine, TLS is
    /// required (`sslmode=require`, or `PGSSLMODE` when it asks for at least that), so the
    /// password never crosses a network in the clear, unless the URL sets `sslmode` itself. A
    /// CA file makes it `verify-full` against that CA (unless the URL set `sslmode`), and is
    /// the root certificate unless the URL names one.
    static func tlsParameters(given: [String: String], caFile: String?, environment: [String: String]) -> [(String, String)] {
        var parameters: [(String, String)] = []
        let host = given["host"] ?? environment["PGHOST"]
        if given["sslmode"] == nil {
            if caFile != nil {
                parameters.append(("sslmode", "verify-full"))
            } else if !isLoopback(host) {
                let strict = ["require", "verify-ca", "verify-full"]
                parameters.append(("sslmode", environment["PGSSLMODE"].flatMap { strict.contains($0) ? $0 : nil } ?? "require"))
            }
        }
        if let caFile, given["sslrootcert"] == nil { parameters.append(("sslrootcert", caFile)) }
        return parameters
    }

    /// What the URL itself sets for each of `keywords` (no environment, no defaults), as libpq
    /// parses it; libpq's message when it cannot.
    private static func settings(of url: String, _ keywords: [String]) throws(ParseFailure) -> [String: String] {
        var values = [UnsafeMutablePointer<CChar>?](repeating: nil, count: keywords.count)
        var error: UnsafeMutablePointer<CChar>?
        let status = withCStrings(keywords) { rt_pq_conninfo(url, $0, Int32(keywords.count), &values, &error) }
        defer { values.forEach { free($0) } }
        if status != 0 {
            defer { free(error) }
            throw ParseFailure(message: error.map { String(cString: $0) } ?? "it cannot be parsed")
        }
        var settings: [String: String] = [:]
        for (keyword, value) in zip(keywords, values) { if let value { settings[keyword] = String(cString: value) } }
        return settings
    }

    /// libpq's reason a URL could not be parsed.
    private struct ParseFailure: Error {
        let message: String
    }

    deinit { rt_PQfinish(handle) }

    func execute(sql: String, arguments: [any SQLValueConvertible]) throws {
        _ = try fetchAll(sql: sql, arguments: arguments)
    }

    /// Runs one statement, parameters as text (their types inferred by the server), results as
    /// text turned back into integers where the column is one.
    ///
    /// Rows come one at a time (libpq's single-row mode), so a large result (a dump's 200,000
    /// actions) is never held whole. Every result is read to the end, even after `body` threw or
    /// the server refused, since the connection takes no other statement before.
    func forEachRow(sql: String, arguments: [any SQLValueConvertible], _ body: (SQLRow) throws -> Void) throws {
        let texts: [String?] = arguments.map { argument in
            switch argument.sqlValue {
            case .null, .other: return nil
            case .integer(let value): return String(value)
            case .text(let text): return text
            }
        }
        let statement = SQLDialect.postgres.statement(sql)
        guard Self.withCStrings(texts, { rt_PQsendQueryParams(handle, statement, Int32(texts.count), $0) }) == 1 else {
            throw PostgresError(sqlState: nil, message: Self.cleaned(String(cString: rt_PQerrorMessage(handle)), hiding: secrets),
                                connectionLost: rt_PQstatus(handle) != Int32(RT_CONNECTION_OK))
        }
        _ = rt_PQsetSingleRowMode(handle)
        var failure: (any Error)?
        var columns: [String] = [], integers: [Bool] = []
        while let result = rt_PQgetResult(handle) {
            defer { rt_PQclear(result) }
            guard failure == nil else { continue }
            switch rt_PQresultStatus(result) {
            case Int32(RT_PGRES_SINGLE_TUPLE):
                let fields = 0..<rt_PQnfields(result)
                if columns.isEmpty {
                    columns = fields.map { String(cString: rt_PQfname(result, $0)) }
                    integers = fields.map { Self.isInteger(rt_PQftype(result, $0)) }
                }
                let row = SQLRow(columns: columns, values: fields.map { field in
                    guard rt_PQgetisnull(result, 0, field) == 0 else { return .null }
                    let text = String(cString: rt_PQgetvalue(result, 0, field))
                    return integers[Int(field)] ? (Int64(text).map(SQLValue.integer) ?? Self.boolean(text)) : .text(text)
                })
                do { try body(row) } catch { failure = error }
            case Int32(RT_PGRES_COMMAND_OK), Int32(RT_PGRES_TUPLES_OK):
                break
            default:
                let error = PostgresError(
                    sqlState: rt_PQresultErrorField(result, Int32(RT_DIAG_SQLSTATE)).map { String(cString: $0) },
                    message: Self.cleaned(rt_PQresultErrorField(result, Int32(RT_DIAG_MESSAGE_PRIMARY)).map { String(cString: $0) }
                        ?? String(cString: rt_PQerrorMessage(handle)), hiding: secrets),
                    connectionLost: rt_PQstatus(handle) != Int32(RT_CONNECTION_OK))
                failure = error.sqlState == "23505" ? DuplicateKey() : error
            }
        }
        if let failure { throw failure }
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
