import Foundation
import Testing
import TestSupport

/// A state file someone edited by hand (or damaged): every command that reads it says which table
/// and row it cannot use, exits 65, and changes nothing; no row ever stops the process.
@Suite struct HandEditedStateTests {
    private func seeded() throws -> (Workspace, String) {
        let workspace = try Workspace()
        #expect(try workspace.seed().status == 0)
        return (workspace, workspace.env["ROUNDTABLE_STATE"]!)
    }

    private func sqlite(_ path: String, _ sql: String) throws {
        let run = try peer("/usr/bin/sqlite3", [path, sql])
        #expect(run.status == 0, "\(run.stderr)")
    }

    @Test(arguments: [
        ("UPDATE actions SET number = 'two' WHERE number = 2", "an unreadable value in 'number' in table 'actions', row 2"),
        ("UPDATE actions SET due = '2012-02-31' WHERE number = 3", "an impossible date in 'due' in table 'actions', row 3"),
        ("UPDATE actions SET text = X'FF' WHERE number = 4", "an unreadable value in 'text' in table 'actions', row 4"),
        ("UPDATE actions SET number = 9223372036854775807 WHERE number = 6", "an action number out of range in table 'actions', row 6"),
        ("UPDATE actions SET recorded_at = 'last Tuesday' WHERE number = 5", "an impossible time in 'recorded_at' in table 'actions', row 5"),
    ])
    func aRowRoundtableNeverWritesIsNamedAndNothingCrashes(edit: String, message: String) throws {
        let (workspace, state) = try seeded()
        try sqlite(state, "PRAGMA ignore_check_constraints = ON; " + edit)
        for command in [["status"], ["overdue"], ["dump"], ["remind", "--dry-run"], ["action", "add", "--session", "rt5", "--owner", "dan", "--text", "x"]] {
            let run = try workspace.rt(command + ["--as-of", "2012-11-26"], ["ROUNDTABLE_NOW": "2012-11-26T09:00:00Z"])
            #expect(run.status == 65, "\(command): \(run.stderr)")
            #expect(run.stderr.contains(message), "\(command): \(run.stderr)")
            #expect(run.stderr.contains("Nothing was changed"))
        }
    }

    @Test func aSequenceAtTheIntegerLimitIsNamedNotRaisedPastIt() throws {
        let (workspace, state) = try seeded()
        let outbox = workspace.folder.appendingPathComponent("outbox").path
        #expect(try workspace.rt(["invite", "rt5", "--outbox", outbox, "--as-of", "2012-11-26"]).status == 0)
        try sqlite(state, "UPDATE invitations SET sequence = 9223372036854775807")
        let run = try workspace.rt(["invite", "rt5", "--outbox", outbox, "--as-of", "2012-11-26"])
        #expect(run.status == 65, "\(run.stderr)")
        #expect(run.stderr.contains("a SEQUENCE out of range in table 'invitations'"), "\(run.stderr)")
    }

    /// SQLite's own integrity check finds a row that breaks the schema's CHECKs: the file is damaged.
    @Test func aRowBreakingTheSchemasChecksIsADamagedState() throws {
        let (workspace, state) = try seeded()
        try sqlite(state, "PRAGMA ignore_check_constraints = ON; UPDATE completions SET stage = 'party' WHERE rowid = 1")
        let run = try workspace.rt(["status", "--as-of", "2012-11-26"])
        #expect(run.status == 65, "\(run.stderr)")
        #expect(run.stderr.contains("it is damaged"), "\(run.stderr)")
    }

    @Test func aDroppedTableIsADamagedStateNotADiskError() throws {
        let (workspace, state) = try seeded()
        try sqlite(state, "DROP TABLE ledger")
        let run = try workspace.rt(["remind", "--dry-run", "--as-of", "2012-11-26"])
        #expect(run.status == 65, "\(run.stderr)")
        #expect(run.stderr.contains("it is damaged"), "\(run.stderr)")
    }

    @Test func anImportedActionIdAtTheIntegerLimitIsRefusedSoLaterAddsStillWork() throws {
        let (workspace, _) = try seeded()
        let records = workspace.folder.appendingPathComponent("records.yaml").path
        try """
            series: ajc-plg-2012
            actions:
              - {id: A9223372036854775807, session: rt4, owner: dan, text: Last, due: 2012-12-06}
            """.write(toFile: records, atomically: true, encoding: .utf8)
        let run = try workspace.rt(["import", records])
        #expect(run.status == 65, "\(run.stderr)")
        #expect(run.stderr.contains("is not of the form A1, A2, … (up to A999999999)"), "\(run.stderr)")
        let add = try workspace.rt(["action", "add", "--session", "rt5", "--owner", "dan", "--text", "Next", "--as-of", "2012-11-26"])
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.stdout == "A7\n")
    }
}
