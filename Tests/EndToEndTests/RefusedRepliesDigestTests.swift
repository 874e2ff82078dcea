import Foundation
import Testing
import TestSupport

/// A reply `rsvp --mailbox` refuses (here a forged one) is listed in the organiser's next
/// `remind` digest, once: a dry run shows it and marks nothing, the digest that goes lists who
/// sent it, its subject and date and why, and the next run does not list it again.
@Suite struct RefusedRepliesDigestTests {
    @Test func aForgedReplyIsReportedOnceInTheOrganisersDigest() throws {
        let workspace = try MailboxFixture.workspace()
        let maildir = workspace.folder.appendingPathComponent("Maildir")
        for sub in ["new", "cur", "tmp"] {
            try FileManager.default.createDirectory(at: maildir.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        let forged = ReplyFile(events: [ReplyFile.Event(stamp: "20171231T000000Z", attendees: [("helen.price@outsource.example.org", "DECLINED")])])
            .email(from: ["Helen Price <mallory@evil.example.org>"], headers: ["Date: Sun, 31 Dec 2017 09:15:00 +0000"])
        try forged.write(to: maildir.appendingPathComponent("new/1500000000.forged.test"), atomically: true, encoding: .utf8)

        let read = try workspace.rt(["rsvp", "--mailbox", "maildir:" + maildir.path])
        #expect(read.status == 65, "\(read.stderr)")
        let prefix = "roundtable: error: maildir:\(maildir.path) message 1500000000.forged.test: "
        let reason = try #require(read.stderr.split(separator: "\n").first { $0.hasPrefix(prefix) }).dropFirst(prefix.count)
        #expect(reason.contains("mallory@evil.example.org"))

        let section = """
            Emailed replies that were not counted (each is listed once; ask the sender to answer again from the invitation):
              - From Helen Price <mallory@evil.example.org>, "Reply", sent Sun, 31 Dec 2017 09:15:00 +0000
                Why: \(reason)
            """
        // A dry run names the digest and marks nothing.
        let dry = try workspace.rt(["remind", "--dry-run"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("would send: reminder to coord <alex.morgan@ajc.example.org>: ")
                && dry.stdout.contains("1 refused reply"), "\(dry.stdout)")

        let outbox = workspace.folder.appendingPathComponent("outbox-remind")
        let sent = try workspace.rt(["remind", "--outbox", outbox.path])
        #expect(sent.status == 0, "\(sent.stderr)")
        let mail = try ReceivedMail.read(try FileManager.default.contentsOfDirectory(at: outbox, includingPropertiesForKeys: nil))
        let organisers = mail.filter { $0.to.contains("alex.morgan@ajc.example.org") }
        #expect(organisers.count == 1, "\(mail.map(\.to))")
        let plain = try #require(organisers.first?.plain).replacingOccurrences(of: "\r\n", with: "\n")
        #expect(plain.contains("\n\n" + section + "\n"), "\(plain)")
        #expect(mail.filter { $0.plain?.contains("not counted") == true }.count == 1, "only the organiser hears of it")

        // Reported once: the next run, a day later, does not list it again.
        let again = workspace.folder.appendingPathComponent("outbox-again")
        let next = try workspace.rt(["remind", "--outbox", again.path], ["ROUNDTABLE_NOW": "2018-01-02T00:00:00Z"])
        #expect(next.status == 0, "\(next.stderr)")
        let later = try ReceivedMail.read((try? FileManager.default.contentsOfDirectory(at: again, includingPropertiesForKeys: nil)) ?? [])
        #expect(later.allSatisfy { $0.plain?.contains("not counted") != true }, "\(later.map(\.subject))")
    }
}
