import Foundation
import TestSupport

/// Which backend an end-to-end test's state is on: the same test runs on a SQLite file and on a
/// database of the throwaway PostgreSQL cluster.
enum StateKind: String, CaseIterable, CustomStringConvertible, Sendable {
    case sqlite, postgres

    var description: String { rawValue }

    /// A new, empty state: a file in `folder`, or a fresh database (its URL without the password).
    func newState(in folder: URL) throws -> String {
        switch self {
        case .sqlite: return folder.appendingPathComponent("state-\(UUID().uuidString).sqlite").path
        case .postgres: return try PostgresCluster.shared().newDatabase()
        }
    }

    /// What the binary needs beside the location: the test role's password (unused by SQLite).
    static let environment = ["ROUNDTABLE_STATE_PASSWORD": PostgresCluster.password]

    /// Every (item, recipient, trigger) the state records as sent, "item|recipient|trigger", in
    /// byte order: read with Python's sqlite3, or with psql.
    static func ledger(_ state: String) throws -> [String] {
        if StateKind.isServer(state) {
            let database = String(state.split(separator: "/").last ?? "")
            return try PostgresCluster.shared().psql("SELECT item || '|' || recipient || '|' || trigger FROM ledger ORDER BY item, recipient, trigger",
                                                     database: database).split(separator: "\n").map(String.init)
        }
        let script = "import sqlite3,sys; [print('|'.join(r)) for r in sqlite3.connect(sys.argv[1]).execute('SELECT item, recipient, trigger FROM ledger ORDER BY 1, 2, 3')]"
        return try peer("/usr/bin/python3", ["-c", script, state]).stdout.split(separator: "\n").map(String.init)
    }

    private static func isServer(_ state: String) -> Bool { state.hasPrefix("postgres://") }
}
