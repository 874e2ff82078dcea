import Foundation
import Testing
import TestSupport

/// Numbers and times from outside are range-checked before they are believed: no reply can leave
/// a row that the next command refuses to read, and a state that holds one (from a hand edit or
/// an older roundtable) is named and repaired with `roundtable repair`. On SQLite and PostgreSQL.
@Suite(.serialized) struct HostileNumberTests {
    private static let sam = "sam.patel@charity.example.org"

    /// A workspace on `kind` where every member was sent the rt5 invitation (SEQUENCE 0) on 6
    /// November; replies are read on the 12th.
    private func invited(_ kind: StateKind) throws -> Workspace {
        let folder = try temporaryDirectory()
        let workspace = try Workspace(["ROUNDTABLE_STATE": try kind.newState(in: folder), "ROUNDTABLE_NOW": "2012-11-12T09:00:00Z"]
            .merging(StateKind.environment) { _, new in new })
        let invite = try workspace.rt(["invite", "rt5", "--outbox", workspace.folder.appendingPathComponent("outbox").path],
                                      ["ROUNDTABLE_NOW": "2012-11-06T09:00:00Z"])
        #expect(invite.status == 0, "\(invite.stderr)")
        return workspace
    }

    /// The dump of the workspace's state, which must succeed and import into a new SQLite state
    /// to give the same dump.
    private func expectDumpRoundTrips(_ workspace: Workspace) throws {
        let dump = try workspace.rt(["dump"])
        #expect(dump.status == 0, "\(dump.stderr)")
        let file = workspace.folder.appendingPathComponent("backup-\(UUID().uuidString).yaml")
        try dump.stdout.write(to: file, atomically: true, encoding: .utf8)
        let fresh = ["ROUNDTABLE_STATE": try StateKind.sqlite.newState(in: workspace.folder)]
        let restored = try workspace.rt(["import", file.path], fresh)
        #expect(restored.status == 0, "\(restored.stderr)")
        #expect(try workspace.rt(["dump"], fresh).stdout == dump.stdout)
    }

    @Test(arguments: StateKind.allCases, ["2147483648", "4294967296", "18446744073709551616", "-1", "12abc"])
    func aSequenceOutsideWhatAStateHoldsIsRefusedAndTheSeriesStillWorks(kind: StateKind, sequence: String) throws {
        let workspace = try invited(kind)
        let reply = ReplyFile().calendar.replacingOccurrences(of: "SEQUENCE:0", with: "SEQUENCE:\(sequence)")
        let run = try workspace.rt(["rsvp", try ReplyFile.write(reply, in: workspace.folder, ext: "ics")])
        #expect(run.status == 65, "\(run.stderr)")
        #expect(run.stderr.contains("SEQUENCE"), "\(run.stderr)")
        #expect(run.stdout == "")
        #expect(try workspace.rt(["status"]).status == 0)
        try expectDumpRoundTrips(workspace)
        // The genuine answer still counts.
        let genuine = try workspace.rt(["rsvp", try ReplyFile.write(ReplyFile().calendar, in: workspace.folder, ext: "ics")])
        #expect(genuine.stdout == "rt5: Sam Patel accepted\n", "\(genuine.stderr)")
    }

    @Test func aWrappedSequenceIsRefusedAtItsLine() throws {
        let workspace = try invited(.sqlite)
        let path = try ReplyFile.write(ReplyFile().calendar.replacingOccurrences(of: "SEQUENCE:0", with: "SEQUENCE:4294967296"),
                                       in: workspace.folder, ext: "ics")
        let run = try workspace.rt(["rsvp", path])
        #expect(run.status == 65)
        #expect(run.stderr.contains("SEQUENCE could not be read (libical: 'Can't parse as INTEGER value in SEQUENCE property. Line 8 holds '4294967296'"), "\(run.stderr)")
    }

    @Test(arguments: StateKind.allCases, ["18991231T235959Z", "00010101T000000Z"])
    func aStampBefore1900IsRefused(kind: StateKind, stamp: String) throws {
        let workspace = try invited(kind)
        var reply = ReplyFile()
        reply.events[0].stamp = stamp
        let run = try workspace.rt(["rsvp", try ReplyFile.write(reply.calendar, in: workspace.folder, ext: "ics")])
        #expect(run.status == 65, "\(run.stderr)")
        #expect(run.stderr.contains("DTSTAMP"), "\(run.stderr)")
        #expect(run.stderr.contains("years 1900–2200"), "\(run.stderr)")
        try expectDumpRoundTrips(workspace)
    }

    /// A state holding a reply roundtable would now refuse (written by an older version, or by
    /// hand): every command names the table and row; `repair` lists it and changes nothing;
    /// `repair --remove` takes it out, and the series works and dumps again.
    @Test(arguments: StateKind.allCases, [("sequence = -1", "a SEQUENCE out of range"),
                                           ("stamp = '1850-01-01T00:00:00'", "an impossible time in 'stamp'")])
    func aStateHoldingARefusedValueIsRepairedWithACommand(kind: StateKind, edit: (String, String)) throws {
        let workspace = try invited(kind)
        let genuine = try workspace.rt(["rsvp", try ReplyFile.write(ReplyFile().calendar, in: workspace.folder, ext: "ics")])
        #expect(genuine.status == 0, "\(genuine.stderr)")
        try Self.edit(workspace, "UPDATE replies SET \(edit.0)")
        let status = try workspace.rt(["status"])
        #expect(status.status == 65)
        #expect(status.stderr.contains("\(edit.1) in table 'replies', row 1"), "\(status.stderr)")
        #expect(status.stderr.contains("roundtable repair"), "\(status.stderr)")
        #expect(try workspace.rt(["dump"]).status == 65)

        let listed = try workspace.rt(["repair"])
        #expect(listed.status == 65)
        #expect(listed.stdout == "ajc-plg-2012: table 'replies', row 1 (session rt5, attendee sam): \(edit.1)\n", "\(listed.stdout)")
        #expect(listed.stderr.contains("roundtable repair --remove"), "\(listed.stderr)")
        #expect(try workspace.rt(["status"]).status == 65, "listing changed nothing")

        let removed = try workspace.rt(["repair", "--remove"])
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(removed.stdout.hasSuffix("ajc-plg-2012: removed 1 row.\n"), "\(removed.stdout)")
        #expect(try workspace.rt(["status"]).status == 0)
        #expect(try workspace.rt(["repair"]).stdout == "ajc-plg-2012: every row of the state can be read; nothing to repair.\n")
        try expectDumpRoundTrips(workspace)
        // Sam can answer again.
        let again = try workspace.rt(["rsvp", try ReplyFile.write(ReplyFile().calendar, in: workspace.folder, ext: "ics")])
        #expect(again.stdout == "rt5: Sam Patel accepted\n", "\(again.stderr)")
    }

    /// Runs SQL on the workspace's state, with sqlite3 or psql, as a person editing it would.
    static func edit(_ workspace: Workspace, _ sql: String) throws {
        let state = workspace.env["ROUNDTABLE_STATE"]!
        if state.hasPrefix("postgres://") {
            try PostgresCluster.shared().psql(sql, database: String(state.split(separator: "/").last!))
        } else {
            let run = try peer("/usr/bin/sqlite3", [state, sql])
            #expect(run.status == 0, "\(run.stderr)")
        }
    }
}
