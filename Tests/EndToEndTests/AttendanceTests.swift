import Foundation
import Testing
import TestSupport

/// Attendance is never guessed: a plain `advance SESSION hold` records the hold with attendance
/// not taken, every view says so, the organiser is asked for it once, and it is recorded later.
@Suite struct AttendanceTests {
    private let workspace: Workspace

    init() throws {
        workspace = try Workspace(["ROUNDTABLE_NOW": "2012-12-07T09:00:00Z", "ROUNDTABLE_WRITEUPS": try temporaryDirectory().path])
        #expect(try workspace.seed().status == 0)
    }

    private func rt5(_ report: String) throws -> [String: Any] {
        let json = try JSONSerialization.jsonObject(with: Data(report.utf8)) as? [String: Any]
        return try #require((json?["sessions"] as? [[String: Any]])?.first { $0["id"] as? String == "rt5" })
    }

    @Test func aPlainHoldRecordsNoAttendanceAndEveryViewSaysSo() throws {
        let held = try workspace.rt(["advance", "rt5", "hold", "--on", "2012-12-06"])
        #expect(held.status == 0, "\(held.stderr)")
        #expect(held.stdout == "rt5: hold done 2012-12-06\nrt5: attendance not recorded; record who came with "
            + "'roundtable advance rt5 hold --attended ID,…' (or --absent ID,…, or --as-answered)\n")
        let status = try workspace.rt(["status"]).stdout
        let block = try #require(status.components(separatedBy: "\nrt5 ").last?.components(separatedBy: "\nseminar ").first)
        #expect(block.contains("    attendance not recorded"), "\(block)")
        let detail = try workspace.rt(["status", "rt5"]).stdout
        #expect(detail.contains("Attended: attendance not recorded\n    record who came: roundtable advance rt5 hold --attended ID,…"), "\(detail)")
        let json = try rt5(try workspace.rt(["status", "--json"]).stdout)
        #expect(json["attendanceNotRecorded"] as? Bool == true)
        #expect(json["attended"] == nil)
        let skeleton = workspace.folder.appendingPathComponent("rt5.md").path
        #expect(try workspace.rt(["writeup", "rt5", "-o", skeleton]).status == 0)
        #expect(try String(contentsOfFile: skeleton, encoding: .utf8).contains("## Attendance\n\nAttendance not recorded.\n"))
        let report = try workspace.rt(["report"]).stdout
        #expect(report.contains("Thu 6 Dec 2012, 10:30–14:00 GMT · Luton · attendance not recorded"), "\(report)")
    }

    @Test func theOrganisersNextDigestAsksForItOnce() throws {
        #expect(try workspace.rt(["advance", "rt5", "hold", "--on", "2012-12-06"]).status == 0)
        let outbox = workspace.folder.appendingPathComponent("outbox")
        #expect(try workspace.rt(["remind", "--outbox", outbox.path]).status == 0)
        let mails = try ReceivedMail.read(try FileManager.default.contentsOfDirectory(at: outbox, includingPropertiesForKeys: nil))
        let digest = try #require(mails.first { $0.to.contains("alex.morgan@ajc.example.org") })
        let plain = try #require(digest.plain)
        // Mail lines end in CRLF.
        #expect(plain.contains("  - Record who came to Round table: Influences (Government, Media, Public Sector): what is the evidence base?\r\n"
            + "    held Thu 6 Dec (yesterday) (ref rt5)\r\n"
            + "    with 'roundtable advance rt5 hold --attended ID,…' (or --absent ID,…, or --as-answered)"), "\(plain)")
        #expect(mails.filter { $0.plain?.contains("Record who came to Round table: Influences") == true }.count == 1, "the organiser only")
        let later = try workspace.rt(["remind", "--dry-run"], ["ROUNDTABLE_NOW": "2012-12-14T09:00:00Z"]).stdout
        #expect(!later.contains("attendance:rt5"), "asked once: \(later)")
    }

    @Test func attendanceGivenAfterTheHoldIsRecordedAndPutRight() throws {
        #expect(try workspace.rt(["advance", "rt5", "hold", "--on", "2012-12-06"]).status == 0)
        let seven = try workspace.rt(["advance", "rt5", "hold", "--attended", "coord,priya,tom,grace,dan,sam,eoin"])
        #expect(seven.status == 0, "\(seven.stderr)")
        #expect(seven.stdout == "rt5: held 2012-12-06; 7 attended: coord, priya, tom, grace, dan, sam, eoin\n")
        var json = try rt5(try workspace.rt(["status", "--json"]).stdout)
        #expect((json["attended"] as? [String])?.count == 7)
        #expect(json["attendanceNotRecorded"] as? Bool == false)
        let stages = try #require(json["stages"] as? [[String: Any]])
        #expect(stages.first { $0["stage"] as? String == "hold" }?["done"] as? String == "2012-12-06", "the hold kept its day")
        #expect(try workspace.rt(["report"]).stdout.contains("Luton · 7 of 10 attended"))
        let corrected = try workspace.rt(["advance", "rt5", "hold", "--absent", "zoe"])
        #expect(corrected.stdout == "rt5: held 2012-12-06; 9 attended: coord, priya, tom, grace, dan, helen, sam, ruth, eoin\n", "\(corrected.stderr)")
        json = try rt5(try workspace.rt(["status", "--json"]).stdout)
        #expect((json["attended"] as? [String])?.count == 9)
        // Another day for a hold already recorded is still refused: --undo puts the day right.
        let moved = try workspace.rt(["advance", "rt5", "hold", "--on", "2012-12-07", "--attended", "coord"])
        #expect(moved.status == 65)
        #expect(moved.stderr.contains("already recorded done on 2012-12-06"), "\(moved.stderr)")
    }

    @Test func asAnsweredIsTheOldDefaultMadeExplicit() throws {
        let run = try workspace.rt(["advance", "rt5", "hold", "--on", "2012-12-06", "--as-answered"])
        #expect(run.stdout == "rt5: hold done 2012-12-06\nrt5: 1 attended: coord\n", "\(run.stderr)")
        let both = try workspace.rt(["advance", "rt5", "hold", "--as-answered", "--absent", "zoe"])
        #expect(both.status == 64)
    }

    @Test func noOneAtAllIsRefusedAndNothingRecorded() throws {
        let everyone = "coord,priya,tom,grace,dan,helen,sam,ruth,eoin,zoe"
        let run = try workspace.rt(["advance", "rt5", "hold", "--on", "2012-12-06", "--absent", everyone])
        #expect(run.status == 65)
        #expect(run.stderr.contains("That would record no one as attending 'rt5'"), "\(run.stderr)")
        let json = try rt5(try workspace.rt(["status", "--json"]).stdout)
        #expect(json["currentStage"] as? String == "hold")
    }

    @Test func attendanceNotRecordedComesBackThroughDumpAndImport() throws {
        #expect(try workspace.rt(["advance", "rt5", "hold", "--on", "2012-12-06"]).status == 0)
        #expect(try workspace.rt(["advance", "rt4", "hold", "--attended", "coord,sam"]).status == 0)
        let dump = try workspace.rt(["dump"]).stdout
        let file = workspace.folder.appendingPathComponent("backup.yaml")
        try dump.write(to: file, atomically: true, encoding: .utf8)
        let restored = ["ROUNDTABLE_STATE": workspace.folder.appendingPathComponent("restored.sqlite").path]
        #expect(try workspace.rt(["import", file.path], restored).status == 0)
        #expect(try workspace.rt(["dump"], restored).stdout == dump)
        let json = try rt5(try workspace.rt(["status", "--json"], restored).stdout)
        #expect(json["attendanceNotRecorded"] as? Bool == true)
        #expect(try workspace.rt(["status", "rt4"], restored).stdout.contains("Attended (2)"))
    }
}
