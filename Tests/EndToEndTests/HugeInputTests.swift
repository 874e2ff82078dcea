import Foundation
import Testing
import TestSupport

/// Files far larger than any real one (a 100 MB schedule, records file or reply, `/dev/zero`)
/// are refused by name with the limit, without ever being held in memory whole.
@Suite struct HugeInputTests {
    private let workspace: Workspace
    private var folder: URL { workspace.folder }
    private var env: [String: String] { workspace.env }
    /// A naive reader holds the whole 100 MB; ours stops after 16 MiB. The binary itself takes
    /// about 40 MiB (debug build), so 64 MiB is far below the file and well above a bounded run.
    private static let memoryCeilingKiB = 64 * 1024

    init() throws {
        workspace = try Workspace()
    }

    /// `limitMiB`: 16, or 64 for a records file, whose cap is raised so a large series' own dump
    /// imports; its run then holds up to that much more.
    private func expectRefused(_ measured: (run: Run, maxResidentKiB: Int), naming name: String, limitMiB: Int = 16) {
        #expect(measured.run.status == 65, "\(measured.run.stderr)")
        #expect(measured.run.stderr == "roundtable: error: '\(name)' is larger than \(limitMiB) MiB, the most roundtable reads from one file; "
                + "it was not used. Check that it is the file you meant.\n")
        #expect(measured.maxResidentKiB > 0 && measured.maxResidentKiB < Self.memoryCeilingKiB + (limitMiB - 16) << 10,
                "max RSS \(measured.maxResidentKiB) KiB")
    }

    @Test func aHundredMegabyteScheduleIsRefusedInBoundedMemory() throws {
        let file = folder.appendingPathComponent("huge.yaml")
        let schedule = try String(contentsOfFile: env["ROUNDTABLE_SCHEDULE"]!, encoding: .utf8)
        try writeLargeFile(file, megabytes: 100, head: schedule, line: "# a comment that goes on and on and on\n")
        defer { try? FileManager.default.removeItem(at: file) }
        expectRefused(try roundtableMeasuringMemory(["check", "-s", file.path]), naming: file.path)
    }

    /// Endless input is refused before a byte is read: only a regular file is read as a file.
    @Test func anEndlessScheduleIsRefusedRatherThanReadForever() throws {
        let run = try roundtable(["check", "-s", "/dev/zero"])
        #expect(run.status == 66)
        #expect(run.stderr == "roundtable: error: '/dev/zero' cannot be read: it is a device, not a regular file "
                + "(check the path and its permissions).\n")
    }

    @Test func aHundredMegabyteRecordsFileIsRefusedAndImportsNothing() throws {
        let file = folder.appendingPathComponent("records.yaml")
        let action = "- {id: A1, session: rt4, owner: sam, text: Action, due: 2012-12-06}\n"
        try writeLargeFile(file, megabytes: 100, head: "series: ajc-plg-2012\nactions:\n", line: action)
        defer { try? FileManager.default.removeItem(at: file) }
        expectRefused(try roundtableMeasuringMemory(["import", file.path], environment: env), naming: file.path, limitMiB: 64)
        #expect(try roundtable(["action", "list"], environment: env).stdout == "No actions.\n")
    }

    @Test func aHundredMegabyteReplyIsRefusedFromAFileAndFromStandardInput() throws {
        let file = folder.appendingPathComponent("reply.eml")
        let head = "From: sam.patel@charity.example.org\r\nContent-Type: text/plain\r\n\r\n"
        try writeLargeFile(file, megabytes: 100, head: head, line: "Quoted text of a very long thread.\r\n")
        defer { try? FileManager.default.removeItem(at: file) }
        expectRefused(try roundtableMeasuringMemory(["rsvp", file.path], environment: env), naming: file.path)
        expectRefused(try roundtableMeasuringMemory(["rsvp", "-"], environment: env, stdinFile: file), naming: "standard input")
    }
}
