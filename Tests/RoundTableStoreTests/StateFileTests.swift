import Foundation
import GRDB
import RoundTableCore
import RoundTableStore
import Testing

@Suite struct StateFileTests {
    @Test func aFileWrittenByThisVersionReopensWithItsRecords() throws {
        try withTemporaryFolder { folder in
            let path = folder + "/state.sqlite"
            do {
                let store = try StateStore(path: path)
                _ = try store.addAction(series: "ajc", session: "rt1", owner: "jo", text: "Notes", due: day("2012-06-01"))
            }

            let reopened = try StateStore(path: path)

            #expect(try reopened.records(series: "ajc").actions.map(\.id) == ["A1"])
            #expect(try reopened.addAction(series: "ajc", session: "rt1", owner: "jo", text: "More", due: day("2012-06-01")).id == "A2")
        }
    }

    @Test func aNewFileIsInWALModeAndMigrated() throws {
        try withTemporaryFolder { folder in
            let path = folder + "/state.sqlite"
            _ = try StateStore(path: path)

            let database = try DatabaseQueue(path: path)
            let mode = try database.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
            let migrations = try database.read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations") }

            #expect(mode == "wal")
            #expect(migrations == ["v1-completions-actions", "v2-invitations-replies-ledger", "v3-action-history", "v4-attendance",
                                   "v5-published-resources", "v6-series-setup", "v7-recorded-instants",
                                   "v8-mailbox-seen", "v9-mailbox-reported", "v10-away", "v11-answer-notes", "v12-member-links"])
        }
    }

    @Test func openingAnUpToDateFileChangesNoByte() throws {
        try withTemporaryFolder { folder in
            let path = folder + "/state.sqlite"
            do {
                _ = try StateStore(path: path).addAction(series: "ajc", session: "rt1", owner: "jo", text: "Notes", due: day("2012-06-01"))
            }
            let before = try bytes(path)

            _ = try StateStore(path: path).records(series: "ajc")

            #expect(try bytes(path) == before)
        }
    }

    @Test func anEmptyFileBecomesAStateFile() throws {
        try withTemporaryFolder { folder in
            let path = folder + "/state.sqlite"
            try Data().write(to: URL(fileURLWithPath: path))

            let store = try StateStore(path: path)

            #expect(try store.addAction(series: "ajc", session: "rt1", owner: "jo", text: "Notes", due: day("2012-06-01")).id == "A1")
        }
    }

    @Test func aNewStateInNewNestedFoldersIsPrivate() throws {
        try withTemporaryFolder { folder in
            let path = folder + "/outer/inner/state.sqlite"

            _ = try StateStore(path: path)

            #expect(try permissions(folder + "/outer") == 0o700)
            #expect(try permissions(folder + "/outer/inner") == 0o700)
            #expect(try permissions(path) == 0o600)
        }
    }

    @Test func anExistingFilesPermissionsAreKept() throws {
        try withTemporaryFolder { folder in
            let path = folder + "/state.sqlite"
            _ = try StateStore(path: path)
            try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)

            _ = try StateStore(path: path)

            #expect(try permissions(path) == 0o640)
        }
    }

    @Test func aFileWithAnUnknownMigrationIsRefusedAsNewerAndLeftUnchanged() throws {
        try withTemporaryFolder { folder in
            let path = folder + "/state.sqlite"
            do {
                _ = try StateStore(path: path).addAction(series: "ajc", session: "rt1", owner: "jo", text: "Notes", due: day("2012-06-01"))
                let database = try DatabaseQueue(path: path)
                try database.write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v2-from-the-future')") }
            }
            let before = try bytes(path)

            #expect(throws: StoreError.newerSchema(path: path)) { try StateStore(path: path) }
            #expect(try bytes(path) == before)
        }
    }

    @Test(arguments: [
        Data("hello".utf8),
        Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }),
        Data("SQLite format 3\0".utf8) + Data(repeating: 0xAB, count: 4000),
    ])
    func aFileThatIsNotSQLiteIsRefusedAndLeftUnchanged(content: Data) throws {
        try withTemporaryFolder { folder in
            let path = folder + "/state.sqlite"
            try content.write(to: URL(fileURLWithPath: path))

            #expect(throws: StoreError.notADatabase(path: path)) { try StateStore(path: path) }
            #expect(try bytes(path) == content)
        }
    }

    @Test func aTruncatedStateFileIsRefusedAndLeftUnchanged() throws {
        try withTemporaryFolder { folder in
            let path = folder + "/state.sqlite"
            try writeStateOfManyPages(at: path)
            let whole = try bytes(path)
            let truncated = whole.prefix(whole.count / 2)
            try truncated.write(to: URL(fileURLWithPath: path))

            #expect(throws: StoreError.notADatabase(path: path)) { try StateStore(path: path) }
            #expect(try bytes(path) == truncated)
        }
    }

    @Test func aStateFileWithADamagedPageIsRefusedBeforeAnythingIsWritten() throws {
        try withTemporaryFolder { folder in
            let path = folder + "/state.sqlite"
            try writeStateOfManyPages(at: path)
            var damaged = try bytes(path)
            damaged.replaceSubrange((damaged.count - 4096)..., with: Data(repeating: 0xFF, count: 4096))
            try damaged.write(to: URL(fileURLWithPath: path))

            #expect(throws: StoreError.notADatabase(path: path)) { try StateStore(path: path) }
            #expect(try bytes(path) == damaged)
        }
    }

    @Test func anotherProgramsDatabaseIsRefusedAndLeftUnchanged() throws {
        try withTemporaryFolder { folder in
            let path = folder + "/photos.sqlite"
            do {
                let database = try DatabaseQueue(path: path)
                try database.write { try $0.execute(sql: "CREATE TABLE photos (name TEXT)") }
            }
            let before = try bytes(path)

            #expect(throws: StoreError.notADatabase(path: path)) { try StateStore(path: path) }
            #expect(try bytes(path) == before)
        }
    }

    @Test func aFolderAtThePathCannotBeOpened() throws {
        try withTemporaryFolder { folder in
            #expect(throws: StoreError.cannotOpen(path: folder, reason: "it is a folder")) { try StateStore(path: folder) }
        }
    }

    @Test func aPathBelowARegularFileCannotBeOpened() throws {
        try withTemporaryFolder { folder in
            let file = folder + "/notes.txt"
            try Data("notes".utf8).write(to: URL(fileURLWithPath: file))
            let path = file + "/state.sqlite"

            let error = try #require(throws: StoreError.self) { try StateStore(path: path) }

            guard case .cannotOpen(path, _) = error else {
                Issue.record("expected cannotOpen, got \(error)")
                return
            }
            #expect(try bytes(file) == Data("notes".utf8))
        }
    }

    @Test func aSymbolicLinkIsFollowedToTheRealFile() throws {
        try withTemporaryFolder { folder in
            let real = folder + "/real.sqlite"
            let link = folder + "/link.sqlite"
            _ = try StateStore(path: real).addAction(series: "ajc", session: "rt1", owner: "jo", text: "Notes", due: day("2012-06-01"))
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)

            let added = try StateStore(path: link).addAction(series: "ajc", session: "rt1", owner: "jo", text: "More", due: day("2012-06-01"))

            #expect(added.id == "A2")
            #expect(try StateStore(path: real).records(series: "ajc").actions.map(\.id) == ["A1", "A2"])
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == real)
        }
    }

    @Test func aDanglingSymbolicLinkIsRefusedAndNothingIsCreated() throws {
        try withTemporaryFolder { folder in
            let target = folder + "/unmounted/state.sqlite"
            let link = folder + "/link.sqlite"
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)

            #expect(throws: StoreError.cannotOpen(path: link, reason: "it is a symbolic link to a file that does not exist")) {
                try StateStore(path: link)
            }
            #expect(!FileManager.default.fileExists(atPath: folder + "/unmounted"))
        }
    }

    private func bytes(_ path: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path))
    }

    private func permissions(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return try #require(attributes[.posixPermissions] as? Int)
    }

    /// A state file of a few dozen pages (300 actions), so that half of it or its last page is
    /// real damage rather than an empty file.
    private func writeStateOfManyPages(at path: String) throws {
        let store = try StateStore(path: path)
        for index in 1...300 {
            _ = try store.addAction(series: "ajc", session: "rt1", owner: "jo", text: "Action number \(index) of a long list", due: day("2012-06-01"))
        }
    }
}
