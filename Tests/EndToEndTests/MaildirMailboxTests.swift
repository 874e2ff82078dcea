import Foundation
import Testing
import TestSupport

/// `rsvp --mailbox maildir:PATH`, what fetchmail, mbsync or a local delivery agent fill: real
/// clients' replies recorded and marked, other mail left byte for byte where it was, a forged
/// reply reported once, nothing read twice.
@Suite struct MaildirMailboxTests {
    private let workspace: Workspace
    private let maildir: URL

    init() throws {
        workspace = try MailboxFixture.workspace()
        maildir = workspace.folder.appendingPathComponent("Maildir")
        for sub in ["new", "cur", "tmp"] {
            try FileManager.default.createDirectory(at: maildir.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        for message in try MailboxFixture.messages() {
            try message.text.write(to: maildir.appendingPathComponent("new/\(message.name)"), atomically: true, encoding: .utf8)
        }
    }

    private func files(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: maildir.appendingPathComponent(folder).path).sorted()
    }

    @Test func repliesAreRecordedAndMarkedOtherMailIsLeftAloneAndNothingIsReadTwice() throws {
        let before = try Dictionary(uniqueKeysWithValues: files("new").map { ($0, try Data(contentsOf: maildir.appendingPathComponent("new/\($0)"))) })
        let first = try workspace.rt(["rsvp", "--mailbox", "maildir:" + maildir.path])
        #expect(first.status == 65, "the forged reply is reported: \(first.stderr)")
        #expect(first.stdout == MailboxFixture.recordedLines.map { $0 + "\n" }.joined())
        let errors = first.stderr.split(separator: "\n")
        #expect(errors.count == 2, "\(first.stderr)")
        #expect(errors.first?.hasPrefix("roundtable: error: maildir:\(maildir.path) message 1500000011.forged.test: The reply answers for "
                                         + "'helen.price@outsource.example.org' but the email is from 'mallory@evil.example.org'") == true)
        #expect(errors.last == "rsvp: 9 replies recorded, 1 refused, 2 other messages left alone")
        #expect(try workspace.answers("rt5") == MailboxFixture.answers)

        // Other mail untouched, in new/ with its bytes; every reply in cur/, seen.
        let left = try files("new")
        #expect(Set(left.map(MailboxFixture.label)) == MailboxFixture.others)
        for name in left { #expect(try Data(contentsOf: maildir.appendingPathComponent("new/\(name)")) == before[name]) }
        let handled = try files("cur")
        #expect(handled.count == 10 && handled.allSatisfy { $0.hasSuffix(":2,S") }, "\(handled)")

        let second = try workspace.rt(["rsvp", "--mailbox", "maildir:" + maildir.path])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout == "")
        #expect(second.stderr == "rsvp: 0 replies recorded, 0 refused, 0 other messages left alone\n")
        #expect(try files("new") == left)
        #expect(try files("cur") == handled)
    }

    @Test func aDryRunShowsTheAnswersAndRecordsAndMarksNothing() throws {
        let run = try workspace.rt(["rsvp", "--mailbox", "maildir:" + maildir.path, "--dry-run"])
        #expect(run.status == 65)
        #expect(run.stdout == MailboxFixture.recordedLines.map { $0 + " (dry run: not recorded)\n" }.joined())
        #expect(run.stderr.hasSuffix("rsvp: 9 replies to record (dry run), 1 refused, 2 other messages left alone\n"))
        #expect(try files("cur").isEmpty && files("new").count == 12)
        #expect(try workspace.answers("rt5")["noAnswer"] == 9)
        #expect(try workspace.rt(["rsvp", "--mailbox", "maildir:" + maildir.path]).stdout.split(separator: "\n").count == 9)
    }

    @Test func handledRepliesCanBeMovedToAFolderOfTheirOwn() throws {
        let run = try workspace.rt(["rsvp", "--mailbox", "maildir:" + maildir.path, "--move-to", "Answers"])
        #expect(run.status == 65)
        let moved = try FileManager.default.contentsOfDirectory(atPath: maildir.appendingPathComponent(".Answers/cur").path)
        #expect(moved.count == 10 && moved.allSatisfy { $0.hasSuffix(":2,S") })
        #expect(try files("cur").isEmpty)
        #expect(Set(try files("new").map(MailboxFixture.label)) == MailboxFixture.others)
    }

    @Test func aMissingMaildirExits66() throws {
        let run = try workspace.rt(["rsvp", "--mailbox", "maildir:" + workspace.folder.appendingPathComponent("nowhere").path])
        #expect(run.status == 66)
        #expect(run.stderr.contains("is not a Maildir that can be read"))
    }

    @Test(arguments: ["imaps://host/INBOX", "imaps://coord:secret@host/INBOX", "pop3://coord@host/"])
    func aMailboxURLThatCannotBeUsedIsAUsageError(url: String) throws {
        let run = try workspace.rt(["rsvp", "--mailbox", url])
        #expect(run.status == 64, "\(run.stderr)")
        #expect(!run.stderr.contains("secret"))
    }

    /// One mailbox for an organisation's series (`-s FOLDER`): each reply goes to the series
    /// its UID names.
    @Test func withAFolderOfSchedulesEachReplyGoesToItsSeries() throws {
        let folder = workspace.folder.appendingPathComponent("schedules")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let ajc = try String(contentsOfFile: try MailboxFixture.schedule(), encoding: .utf8)
        try ajc.write(to: folder.appendingPathComponent("ajc.yaml"), atomically: true, encoding: .utf8)
        try ajc.replacingOccurrences(of: "id: ajc-plg-2012", with: "id: plg-2013")
            .write(to: folder.appendingPathComponent("plg.yaml"), atomically: true, encoding: .utf8)
        #expect(try workspace.rt(["init", "-s", folder.path]).status == 0)
        let invite = try workspace.rt(["invite", "rt5", "-s", folder.appendingPathComponent("plg.yaml").path,
                                       "--outbox", workspace.folder.appendingPathComponent("outbox").path], ["ROUNDTABLE_NOW": "2012-11-06T09:00:00Z"])
        #expect(invite.status == 0, "\(invite.stderr)")
        let other = try Self.replacingContents(of: maildir.appendingPathComponent("new"))
        try ReplyFile(events: [ReplyFile.Event(uid: "rt5.plg-2013@ajc.example.org", attendees: [("sam.patel@charity.example.org", "TENTATIVE")])])
            .email().write(to: maildir.appendingPathComponent("new/2.plg.test"), atomically: true, encoding: .utf8)
        try ReplyFile(events: [ReplyFile.Event(attendees: [("sam.patel@charity.example.org", "DECLINED")])])
            .email().write(to: maildir.appendingPathComponent("new/1.ajc.test"), atomically: true, encoding: .utf8)
        let run = try workspace.rt(["rsvp", "--mailbox", "maildir:" + maildir.path, "-s", folder.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "ajc-plg-2012: rt5: Sam Patel declined\nplg-2013: rt5: Sam Patel tentative\n")
        #expect(other == 12)
    }

    /// Empties a folder; how many files it held.
    private static func replacingContents(of folder: URL) throws -> Int {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        for name in names { try FileManager.default.removeItem(at: folder.appendingPathComponent(name)) }
        return names.count
    }
}
