import Foundation
import Testing
import TestSupport

/// A state folder that cannot be written, or a disk that fills up in the middle of a write: the
/// command says which file and why, with exit 73 or 74, and every record made before is still
/// there and the file is sound (checked with normal limits, by SQLite's own integrity check).
@Suite struct StateFileFaultTests {
    private let folder: URL
    private let state: String
    private let env: [String: String]

    init() throws {
        folder = try temporaryDirectory()
        state = folder.appendingPathComponent("state/state.sqlite").path
        env = ["ROUNDTABLE_SCHEDULE": bundledSchedule, "ROUNDTABLE_STATE": state]
    }

    private func rt(_ arguments: [String], wrapper: [String] = []) throws -> Run {
        try roundtable(arguments, environment: env, wrapper: wrapper)
    }

    /// Imports the seeds and returns the dump of them.
    private func seed() throws -> String {
        #expect(try rt(["import", bundledSeeds]).status == 0)
        return try rt(["dump"]).stdout
    }

    private func expectIntact(_ dump: String) throws {
        #expect(try rt(["dump"]).stdout == dump, "every earlier record is still there")
        let check = "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('PRAGMA integrity_check').fetchone()[0])"
        #expect(try peer("/usr/bin/python3", ["-c", check, state]).stdout == "ok\n")
    }

    @Test func aReadOnlyStateFolderIsExit73AndNothingIsSent() throws {
        let dump = try seed()
        let stateFolder = (state as NSString).deletingLastPathComponent
        let outbox = folder.appendingPathComponent("outbox")
        try FileManager.default.createDirectory(at: outbox, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o777])
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: state)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: stateFolder)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: stateFolder) }
        // Root writes whatever the permissions say, so as root the commands run as nobody.
        let asUser = getuid() == 0 ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
        let advance = try rt(["advance", "rt4", "writeup", "--on", "2012-12-03"], wrapper: asUser)
        #expect(advance.status == 73, "\(advance.stderr)")
        #expect(advance.stderr == "roundtable: error: Cannot open '\(state)': the file is read-only. "
                + "Check the permissions, or choose another state file with --state.\n")
        let remind = try rt(["remind", "--as-of", "2012-12-01", "--outbox", outbox.path], wrapper: asUser)
        #expect(remind.status == 73, "\(remind.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outbox.path).isEmpty, "nothing sent that could not be recorded")
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: stateFolder)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: state)
        try expectIntact(dump)
    }

    /// The message a user sees when the disk fills (here: a file size limit, which SQLite meets
    /// the same way, as a failed write).
    private var fullMessage: String {
        "roundtable: error: Cannot write to '\(state)': the disk is full or a file size limit was reached "
            + "(disk I/O error while writing). Nothing was recorded by this command and the earlier records are intact; "
            + "make room (or move the state with --state) and run it again.\n"
    }

    @Test func aDiskThatIsFullAtTheFirstWriteIsExit74AndLosesNothing() throws {
        let dump = try seed()
        let advance = try rt(["advance", "rt4", "writeup", "--on", "2012-12-03"], wrapper: ["/usr/bin/prlimit", "--fsize=1024"])
        #expect(advance.status == 74, "\(advance.stderr)")
        #expect(advance.stderr == fullMessage)
        try expectIntact(dump)
        #expect(try rt(["advance", "rt4", "writeup", "--on", "2012-12-03"]).status == 0, "with room again, it works")
    }

    @Test func aDiskThatFillsInTheMiddleOfAnImportRollsItBackWhole() throws {
        let dump = try seed()
        let file = folder.appendingPathComponent("many.yaml")
        let actions = (7...4006).map { "- {id: A\($0), session: rt4, owner: sam, text: Action \($0), due: 2012-12-06}" }
        try (["series: ajc-plg-2012", "actions:"] + actions).joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        // 128 KiB: the journal of this import (some 400 KiB) fills it part-way through the commit.
        let run = try rt(["import", file.path], wrapper: ["/usr/bin/prlimit", "--fsize=131072"])
        #expect(run.status == 74, "\(run.stderr)")
        #expect(run.stderr == fullMessage)
        try expectIntact(dump)
        #expect(try rt(["import", file.path]).stdout == "imported 4000 actions into ajc-plg-2012\n")
    }
}
