import CalendarTime
import Foundation
import RoundTableCore
import RoundTableStore
import TestSupport

/// Where a test's store lives: the same bodies run on an in-memory database and on a file, as
/// GRDB's own tests do, so the file-only code (WAL, busy timeout) is exercised too, and on a
/// database of a real PostgreSQL server, so the two backends cannot drift apart.
enum StoreKind: String, CaseIterable, CustomStringConvertible {
    case inMemory, file, postgres

    var description: String { rawValue }

    /// Runs `body` with a fresh, empty store of this kind; a file's folder is removed afterwards.
    func withStore(_ body: (StateStore) throws -> Void) throws {
        switch self {
        case .inMemory:
            try body(StateStore.inMemory())
        case .file:
            try withTemporaryFolder { folder in
                try body(StateStore(path: folder + "/state.sqlite"))
            }
        case .postgres:
            try body(StateStore(path: try PostgresCluster.shared().newDatabase(), password: PostgresCluster.password))
        }
    }
}

/// Runs `body` with the path of a new, empty folder that is removed afterwards.
@discardableResult
func withTemporaryFolder<T>(_ body: (String) throws -> T) throws -> T {
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("roundtable-store-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    return try body(folder)
}

/// A date from a literal the test knows to be valid.
func day(_ iso: String) -> LocalDate {
    guard let date = LocalDate(iso: iso) else { fatalError("bad date literal '\(iso)'") }
    return date
}

/// A check that accepts anything, for tests about storage rather than rules.
func anyOrder(_: [Completion]) {}

/// The caller's own refusal, to see it come back unchanged through `complete`.
struct OutOfOrder: Error, Equatable {
    let stage: Stage
}

/// `withTemporaryFolder` for async bodies.
@discardableResult
func withTemporaryFolderAsync<T>(_ body: (String) async throws -> T) async throws -> T {
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("roundtable-store-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    return try await body(folder)
}
