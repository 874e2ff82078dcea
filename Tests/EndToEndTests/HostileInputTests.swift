import Foundation
import Testing
import TestSupport

/// Files that are not what they should be: bytes that are not UTF-8, templates that reach out of
/// their folder. Each is refused by name, and nothing is sent or recorded.
@Suite struct HostileInputTests {
    private let workspace: Workspace
    private var folder: URL { workspace.folder }
    private var env: [String: String] { workspace.env }
    private let outbox: URL

    init() throws {
        workspace = try Workspace()
        outbox = workspace.folder.appendingPathComponent("outbox")
    }

    /// Writes `bytes` to a new file in the test's folder.
    private func file(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// A copy of the project's templates, changed by `change`, for one test.
    private func templates(_ change: (URL) throws -> Void) throws -> String {
        let copy = folder.appendingPathComponent("templates-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("templates"), to: copy)
        try change(copy)
        return copy.path
    }

    private func sentFiles() throws -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: outbox.path)) ?? []).filter { $0.hasSuffix(".eml") }
    }

    // MARK: Bytes that are not UTF-8

    @Test func aScheduleInLatin1IsRefusedWithTheLineAndColumnAndNoStateIsMade() throws {
        let schedule = try String(contentsOfFile: env["ROUNDTABLE_SCHEDULE"]!, encoding: .utf8)
        let latin1 = Array(schedule.replacingOccurrences(of: "Zoë", with: "Zo\u{1}").utf8).map { $0 == 1 ? 0xEB : $0 }
        let path = try file("latin1.yaml", latin1)
        let line = schedule.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("Zoë") }! + 1
        let column = schedule.split(separator: "\n", omittingEmptySubsequences: false)[line - 1].prefix { $0 != "ë" }.count + 1
        // import, which would create a state, is refused before it opens one.
        let fresh = folder.appendingPathComponent("fresh.sqlite").path
        let run = try workspace.rt(["import", bundledSeeds], ["ROUNDTABLE_SCHEDULE": path, "ROUNDTABLE_STATE": fresh])
        #expect(run.status == 65)
        #expect(run.stderr == "roundtable: error: '\(path)' is not UTF-8 text: line \(line), column \(column) has the byte 0xEB. "
                + "Save it as UTF-8 and try again.\n")
        #expect(!FileManager.default.fileExists(atPath: fresh), "the state was not even opened")
    }

    @Test func aRecordsFileWithABadByteImportsNothing() throws {
        let records = Array("series: ajc-plg-2012\nactions:\n- {id: A1, session: rt4, owner: sam, text: Caf".utf8) + [0xE9]
            + Array(", due: 2012-12-06}\n".utf8)
        let path = try file("records.yaml", records)
        let run = try workspace.rt(["import", path])
        #expect(run.status == 65)
        #expect(run.stderr.contains("'\(path)' is not UTF-8 text: line 3, column 47 has the byte 0xE9"), "\(run.stderr)")
        #expect(try workspace.rt(["action", "list"]).stdout == "No actions.\n")
    }

    /// A reply from Sam, as a bare calendar whose CN holds `name`.
    private func calendar(cn name: [UInt8]) -> [UInt8] {
        let lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//EN", "METHOD:REPLY", "BEGIN:VEVENT",
                     "UID:rt5.ajc-plg-2012@ajc.example.org", "DTSTAMP:20121110T090000Z", "SEQUENCE:0",
                     "ATTENDEE;PARTSTAT=ACCEPTED;CN=\u{1}:mailto:sam.patel@charity.example.org", "END:VEVENT", "END:VCALENDAR", ""]
        return Array(lines.joined(separator: "\r\n").utf8).flatMap { $0 == 1 ? name : [$0] }
    }

    @Test func aReplyCalendarThatIsNotUTF8IsRefusedAndNothingIsRecorded() throws {
        let path = try file("reply.ics", calendar(cn: [0x53, 0xE4, 0x6D]))
        let run = try workspace.rt(["rsvp", path])
        #expect(run.status == 65)
        #expect(run.stderr == "roundtable: error: \(path): Its calendar is not UTF-8 text; save the reply again as UTF-8, "
                + "or as the email it came in.\n")
        #expect(try workspace.rt(["status", "--json"]).stdout.contains("\"answer\" : \"accepted\"") == false)
    }

    @Test func anEmailWithALatin1TextPartStillHasItsUTF8CalendarRead() throws {
        let head = "From: sam.patel@charity.example.org\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
            + "--b\r\nContent-Type: text/plain; charset=ISO-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n\r\nJ'accepte, d"
        let middle = "j\u{E0} vu.\r\n--b\r\nContent-Type: text/calendar; method=REPLY; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        let body = Data(calendar(cn: Array("Säm".utf8))).base64EncodedString(options: .lineLength76Characters)
        let path = try file("reply.eml", Array(head.utf8) + [0xE9] + Array((middle + body + "\r\n--b--\r\n").utf8))
        #expect(try workspace.rt(["invite", "rt5", "--outbox", outbox.path, "--as-of", "2012-11-08"]).status == 0, "a reply answers an invitation sent")
        let run = try workspace.rt(["rsvp", path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "rt5: Sam Patel accepted\n")
    }

    @Test func aTemplateThatIsNotUTF8StopsTheRunBeforeAnythingIsSent() throws {
        let folder = try templates { copy in
            let handle = try FileHandle(forWritingTo: copy.appendingPathComponent("reminder.txt.mustache"))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data([0x0A, 0x43, 0x61, 0x66, 0xE9, 0x0A]))
            try handle.close()
        }
        let run = try workspace.rt(["remind", "--as-of", "2012-03-02", "--templates", folder, "--outbox", outbox.path])
        #expect(run.status == 65)
        #expect(run.stderr.contains("'\(folder)/reminder.txt.mustache' is not UTF-8 text"), "\(run.stderr)")
        #expect(try sentFiles().isEmpty)
        #expect(try workspace.rt(["remind", "--as-of", "2012-03-02", "--dry-run"]).stdout.contains("would send"), "nothing recorded")
    }

    // MARK: Templates that reach outside their folder

    @Test(arguments: ["../../../../../../etc/passwd", "/etc/passwd", "../templates/invite.txt", "nonexistent"])
    func aPartialThatIsNotATemplateOfTheFolderIsRefused(partial: String) throws {
        let folder = try templates { copy in
            let reminder = copy.appendingPathComponent("reminder.txt.mustache")
            try (String(contentsOf: reminder, encoding: .utf8) + "{{> \(partial) }}\n").write(to: reminder, atomically: true, encoding: .utf8)
        }
        let run = try workspace.rt(["remind", "--as-of", "2012-03-02", "--templates", folder, "--outbox", outbox.path])
        #expect(run.status == 65)
        #expect(run.stderr == "roundtable: error: The template '\(folder)/reminder.txt.mustache' includes the partial '\(partial)', "
                + "which is neither built in nor a template of the folder. A partial is named by its file name without '.mustache' "
                + "(e.g. {{> footer}} for footer.mustache) and must be in the same folder.\n")
        #expect(try sentFiles().isEmpty)
    }

    @Test func aPartialInTheFolderIsIncluded() throws {
        let folder = try templates { copy in
            let reminder = copy.appendingPathComponent("reminder.txt.mustache")
            try (String(contentsOf: reminder, encoding: .utf8) + "{{> footer}}\n").write(to: reminder, atomically: true, encoding: .utf8)
            try "{{% CONTENT_TYPE: TEXT}}\nSent for {{series}} & friends\n"
                .write(to: copy.appendingPathComponent("footer.mustache"), atomically: true, encoding: .utf8)
        }
        let run = try workspace.rt(["remind", "--as-of", "2012-03-02", "--templates", folder, "--outbox", outbox.path])
        #expect(run.status == 0, "\(run.stderr)")
        let mails = try ReceivedMail.read(try sentFiles().map { outbox.appendingPathComponent($0) })
        #expect(!mails.isEmpty)
        #expect(mails.allSatisfy { $0.plain?.contains("Sent for AJC pilot learning group: provider development & friends") == true })
    }

    @Test(arguments: ["reminder.txt.mustache", "footer.mustache"])
    func aTemplateThatIsASymbolicLinkOutOfTheFolderIsNotRead(name: String) throws {
        let secret = folder.appendingPathComponent("secret.txt")
        try "{{% CONTENT_TYPE: TEXT}}\nSECRET\n".write(to: secret, atomically: true, encoding: .utf8)
        let templatesFolder = try templates { copy in
            let link = copy.appendingPathComponent(name)
            try? FileManager.default.removeItem(at: link)
            try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "../secret.txt")
        }
        let run = try workspace.rt(["remind", "--as-of", "2012-03-02", "--templates", templatesFolder, "--outbox", outbox.path])
        #expect(run.status == 65)
        #expect(run.stderr == "roundtable: error: '\(templatesFolder)/\(name)' leads outside the folder '\(templatesFolder)' "
                + "(through a symbolic link); it was not read. Put the file itself in the folder.\n")
        #expect(try sentFiles().isEmpty)
    }

    @Test func aTemplatesFolderThatIsItselfALinkIsFine() throws {
        let real = try templates { _ in }
        let link = folder.appendingPathComponent("linked-templates").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        let run = try workspace.rt(["remind", "--as-of", "2012-03-02", "--templates", link, "--outbox", outbox.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try !sentFiles().isEmpty)
    }
}

/// A state file reached through a symbolic link (kept on another disk, say): it is used through
/// the link, the link stays a link, and SQLite's journal and our run lock sit beside the real
/// file, so the two names never mean two journals or two locks.
@Suite struct SymlinkedStateTests {
    private let real: String
    private let link: String

    init() throws {
        real = try temporaryDirectory().appendingPathComponent("state.sqlite").path
        link = try temporaryDirectory().appendingPathComponent("linked.sqlite").path
        #expect(try roundtable(["init"], environment: ["ROUNDTABLE_SCHEDULE": bundledSchedule, "ROUNDTABLE_STATE": real]).status == 0)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
    }

    private func rt(_ arguments: [String], state: String, _ extra: [String: String] = [:]) throws -> Run {
        try roundtable(arguments, environment: ["ROUNDTABLE_SCHEDULE": bundledSchedule, "ROUNDTABLE_STATE": state]
                        .merging(extra) { _, new in new })
    }

    @Test func theLinkIsFollowedAndStaysALinkWithEverythingBesideTheRealFile() throws {
        #expect(try rt(["import", bundledSeeds], state: link).status == 0)
        let outbox = try temporaryDirectory().path
        #expect(try rt(["remind", "--as-of", "2012-12-01", "--outbox", outbox], state: link).status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == real, "the link is still a link")
        #expect(try rt(["dump"], state: real).stdout == rt(["dump"], state: link).stdout)
        #expect(try rt(["dump"], state: real).stdout.contains("rt4"))
        #expect(FileManager.default.fileExists(atPath: real + ".locks/ajc-plg-2012.lock"))
        for suffix in [".locks", "-wal", "-shm", "-journal"] {
            #expect(!FileManager.default.fileExists(atPath: link + suffix), "nothing beside the link: \(suffix)")
        }
    }

    @Test func twoRunsThroughTheLinkAndTheRealNameSendEachMessageOnce() throws {
        let sink = try SMTPSink()
        let script = [link, real].map { state in
            "ROUNDTABLE_STATE='\(state)' '\(roundtableBinary)' remind --as-of 2012-04-13 --transport smtp >/dev/null 2>&1 &"
        }.joined(separator: "\n") + "\nwait"
        let exports = "export ROUNDTABLE_SCHEDULE='\(bundledSchedule)' ROUNDTABLE_SMTP_URL='\(sink.url)'\n"
        #expect(try peer("/bin/bash", ["-c", exports + script]).status == 0)
        let ids = try ReceivedMail.read(try sink.messages()).map(\.message_id)
        #expect(ids.count == 10, "\(ids)")
        #expect(Set(ids).count == ids.count, "\(ids)")
    }
}
