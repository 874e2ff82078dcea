import Foundation
import Testing
import TestSupport

/// Every kind of message the tool sends, as its recipient reads it, against a golden file: a
/// season of a small group that is not the AJC (Golden/kestrel.yaml), run through the binary into
/// the outbox, each message read by Python's email package with `policy=email.policy.strict`.
///
/// A golden file holds the stable header fields and the decoded text part (Peers/read_as_recipient.py).
/// After a deliberate rewording, `ROUNDTABLE_RECORD_GOLDEN=1 swift test --filter
/// GoldenMessageTests` writes them again; read each one as the member receiving it before
/// committing it.
@Suite struct GoldenMessageTests {
    private static let golden = repositoryRoot.appendingPathComponent("Tests/EndToEndTests/Golden")
    private let workspace: Workspace
    private let schedule: URL

    init() throws {
        let folder = try temporaryDirectory()
        schedule = folder.appendingPathComponent("kestrel.yaml")
        try FileManager.default.copyItem(at: Self.golden.appendingPathComponent("kestrel.yaml"), to: schedule)
        workspace = try Workspace(["ROUNDTABLE_SCHEDULE": schedule.path,
                                   "ROUNDTABLE_WRITEUPS": folder.appendingPathComponent("writeups").path])
    }

    @Test func everyMessageReadsAsItsGoldenFile() throws {
        let invitations = try send(["invite"], on: "2026-08-20")
        try expect(invitations, "invite.rt1.", "tom", matches: "invitation")

        try edit("location: Kestrel Civic Centre, Room 2", "location: Valley Library, Meeting Room 1")
        let updates = try send(["invite", "rt1"], on: "2026-08-27")
        try expect(updates, "invite.rt1.", "tom", matches: "update")

        #expect(try rt(["advance", "rt1", "hold", "--attended", "maya,tom,priya,ruth,dan"], on: "2026-09-17").status == 0)
        #expect(try rt(["action", "add", "--session", "rt1", "--owner", "dan", "--due", "2026-09-24",
                        "--text", "Send the weekend discharge checklist to the group"], on: "2026-09-17").status == 0)
        let digests = try send(["remind"], on: "2026-11-05")
        try expect(digests, "remind.", "dan", matches: "reminder-member")
        try expect(digests, "remind.", "maya", matches: "reminder-organiser")

        #expect(try rt(["writeup", "rt1"], on: "2026-11-05").status == 0)
        let writeup = URL(fileURLWithPath: workspace.env["ROUNDTABLE_WRITEUPS"]!).appendingPathComponent("rt1.md")
        let filled = try String(contentsOf: writeup, encoding: .utf8)
            .replacingOccurrences(of: "### What worked\n\n- ", with: "### What worked\n\n- A named discharge lead on Saturdays")
        try filled.write(to: writeup, atomically: true, encoding: .utf8)
        #expect(try rt(["advance", "rt1", "writeup", "--on", "2026-11-06"], on: "2026-11-06").status == 0)
        let findings = try send(["disseminate", "rt1", "--allow-empty"], on: "2026-11-09")
        try expect(findings, "findings.rt1.", "priya", matches: "findings")

        try edit("location: Valley Library\n", "location: Valley Library\n    status: cancelled\n    reason: the library is closed for repairs\n")
        let cancellations = try send(["invite"], on: "2026-11-09")
        try expect(cancellations, "invite.rt2.", "priya", matches: "cancellation")

        #expect(try rt(["action", "add", "--session", "rt1", "--owner", "priya", "--due", "2027-01-05",
                        "--text", "Ask the carers' forum what the seminar should hear"], on: "2026-12-01").status == 0)
        let newYear = try send(["remind"], on: "2026-12-29")
        try expect(newYear, "remind.", "priya", matches: "reminder-new-year")
    }

    /// Runs the binary as of `day` (its clock at 08:00 UTC that day).
    private func rt(_ arguments: [String], on day: String) throws -> Run {
        try workspace.rt(arguments + ["--as-of", day], ["ROUNDTABLE_NOW": "\(day)T08:00:00Z"])
    }

    /// Sends into a new outbox as of `day`; the files it wrote.
    private func send(_ arguments: [String], on day: String) throws -> [URL] {
        let outbox = try temporaryDirectory()
        let run = try rt(arguments + ["--outbox", outbox.path], on: day)
        #expect(run.status == 0, "\(arguments) as of \(day): \(run.stderr)")
        return try FileManager.default.contentsOfDirectory(at: outbox, includingPropertiesForKeys: nil)
    }

    /// The one message whose file name starts with `prefix` and names `member`, read strictly,
    /// equals `Golden/<name>.txt` (or is written there when recording).
    private func expect(_ files: [URL], _ prefix: String, _ member: String, matches name: String,
                        sourceLocation: SourceLocation = #_sourceLocation) throws {
        let matching = files.filter { $0.lastPathComponent.hasPrefix(prefix) && $0.lastPathComponent.contains(".\(member).") }
        let file = try #require(matching.count == 1 ? matching.first : nil, "one \(prefix)…\(member) among \(files.map(\.lastPathComponent))",
                                sourceLocation: sourceLocation)
        let read = try peer("/usr/bin/python3", [peerScript("read_as_recipient.py"), file.path])
        #expect(read.status == 0, "policy=strict refused \(name): \(read.stderr)", sourceLocation: sourceLocation)
        let path = Self.golden.appendingPathComponent("\(name).txt")
        if ProcessInfo.processInfo.environment["ROUNDTABLE_RECORD_GOLDEN"] == "1" {
            try read.stdout.write(to: path, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: path, encoding: .utf8)
        #expect(read.stdout == expected, "\(name) differs from Golden/\(name).txt", sourceLocation: sourceLocation)
    }

    /// Replaces text in the group's schedule, as a coordinator edits it.
    private func edit(_ original: String, _ replacement: String) throws {
        let text = try String(contentsOf: schedule, encoding: .utf8)
        #expect(text.contains(original), "the schedule no longer contains \(original)")
        try text.replacingOccurrences(of: original, with: replacement).write(to: schedule, atomically: true, encoding: .utf8)
    }
}
