import Foundation
import ICalendar
import Testing
import TestSupport

/// Invitations and replies through a real SMTP server on loopback, read back by Python's email
/// package, icalendar, vobject and libical.
@Suite struct InvitationTests {
    private let workspace: Workspace
    private var folder: URL { workspace.folder }
    private var env: [String: String] { workspace.env }

    init() throws {
        workspace = try Workspace(["ROUNDTABLE_NOW": "2012-11-06T09:00:00Z"])
    }

    @Test func eachAttendeeGetsOneIMIPRequestThatEveryPeerReads() throws {
        let sink = try SMTPSink()
        let run = try workspace.rt(["invite", "rt5", "--transport", "smtp"], ["ROUNDTABLE_SMTP_URL": sink.url])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasSuffix("rt5: plan done 2012-11-06 (every invitation sent)\n"), "sending the invitations is the plan stage")
        #expect(try workspace.rt(["status", "--json"]).stdout.contains("\"done\" : \"2012-11-06\""))
        let mails = try ReceivedMail.read(try sink.messages())
        #expect(mails.count == 9, "every member but the organiser")
        #expect(Set(mails.map(\.to)).count == 9, "one message per recipient")
        #expect(!mails.contains { $0.to.contains("alex.morgan") }, "the organiser is not sent her own invitation")
        for mail in mails {
            #expect(mail.problems == [], "\(mail.file)")
            #expect(mail.from == "Alex Morgan <alex.morgan@ajc.example.org>")
            #expect(mail.tree == ["multipart/mixed", "multipart/alternative", "text/plain", "text/calendar", "application/ics"])
            #expect(mail.method == "REQUEST")
            #expect(mail.sequence == 0)
            #expect(mail.attendees?.count == 10)
            #expect(mail.organizer == "mailto:alex.morgan@ajc.example.org")
            let calendar = try Component.parse(try #require(mail.calendar))
            #expect(calendar.components("VEVENT").first?.property("UID")?.value.text == "rt5.ajc-plg-2012@ajc.example.org")
        }
        let zoe = try #require(mails.first { $0.to.contains("zoe.lindqvist") })
        #expect(zoe.to == "Zoë Lindqvist <zoe.lindqvist@consult.example.org>", "RFC 2047 name decodes")
        #expect(zoe.subject == "[AJC pilot learning group: provider development] Invitation: Round table: Influences (Government, Media, Public Sector): "
                + "what is the evidence base?, Thu 6 Dec, Luton")
        #expect(try workspace.rt(["invite", "rt5", "--transport", "smtp"], ["ROUNDTABLE_SMTP_URL": sink.url]).stdout.contains("Nothing to send"))
        #expect(try sink.messages().count == 9, "a second run sends nothing")
    }

    @Test func aNewTimeSendsAnUpdateAtTheNextSequenceWithTheSameUID() throws {
        let outbox = folder.appendingPathComponent("outbox").path
        let before = ["--as-of", "2012-09-20"]
        #expect(try workspace.rt(["invite", "rt4", "--outbox", outbox] + before).status == 0)
        let moved = folder.appendingPathComponent("moved.yaml")
        try String(contentsOfFile: env["ROUNDTABLE_SCHEDULE"]!, encoding: .utf8)
            .replacingOccurrences(of: "start: 2012-10-26T10:30:00", with: "start: 2012-10-26T13:30:00")
            .write(to: moved, atomically: true, encoding: .utf8)
        let update = try workspace.rt(["invite", "rt4", "--outbox", outbox] + before, ["ROUNDTABLE_SCHEDULE": moved.path])
        #expect(update.stdout.split(separator: "\n").filter { $0.contains("SEQUENCE 1, time or place changed") }.count == 9)
        let files = try FileManager.default.contentsOfDirectory(atPath: outbox).filter { $0.contains(".s1.") }
        let mails = try ReceivedMail.read(files.map { URL(fileURLWithPath: outbox).appendingPathComponent($0) })
        #expect(mails.count == 9)
        #expect(mails.allSatisfy { $0.sequence == 1 && $0.subject.hasPrefix("[AJC pilot learning group: provider development] Changed: ") })
        #expect(mails.allSatisfy { $0.plain?.contains("moved from Fri 26 Oct 2012, 10:30–14:00 BST to Fri 26 Oct 2012, 13:30–17:00 BST") == true })
        let cancelled = folder.appendingPathComponent("cancelled.yaml")
        try String(contentsOf: moved, encoding: .utf8).replacingOccurrences(of: "    location: Poole", with: "    location: Poole\n    status: cancelled")
            .write(to: cancelled, atomically: true, encoding: .utf8)
        let cancel = try workspace.rt(["invite", "rt4", "--outbox", outbox] + before, ["ROUNDTABLE_SCHEDULE": cancelled.path])
        #expect(cancel.stdout.split(separator: "\n").filter { $0.contains("CANCEL rt4") && $0.contains("SEQUENCE 2") }.count == 9)
        let cancels = try ReceivedMail.read(try FileManager.default.contentsOfDirectory(atPath: outbox).filter { $0.contains(".cancel.") }
            .map { URL(fileURLWithPath: outbox).appendingPathComponent($0) })
        #expect(cancels.count == 9)
        #expect(cancels.allSatisfy { $0.method == "CANCEL" && $0.problems.isEmpty })
    }

    /// A reply as a calendar client sends it, saved as a whole email with a base64 calendar part,
    /// From: the attendee it answers for (RFC 6047 §3).
    private func reply(_ partstat: String, sequence: Int, stamp: String, uid: String = "rt5.ajc-plg-2012@ajc.example.org",
                       from: String = "sam.patel@charity.example.org") throws -> String {
        let event = ReplyFile.Event(uid: uid, stamp: stamp, sequence: sequence, attendees: [(from, partstat)])
        return try ReplyFile.write(ReplyFile(events: [event]).email(from: ["Sam <\(from)>"]), in: folder, ext: "eml")
    }

    /// Sends the rt5 invitations (SEQUENCE 0) to the outbox, as a reply can only answer one that was sent.
    private func inviteToRT5(_ extra: [String: String] = [:]) throws {
        let run = try workspace.rt(["invite", "rt5", "--outbox", folder.appendingPathComponent("outbox").path], extra)
        #expect(run.status == 0, "\(run.stderr)")
    }

    /// `rsvp` a few days after the invitations, when the replies' DTSTAMPs (10 and 11 November) have passed.
    private func rsvp(_ arguments: [String], _ extra: [String: String] = [:]) throws -> Run {
        try workspace.rt(["rsvp"] + arguments, ["ROUNDTABLE_NOW": "2012-11-12T09:00:00Z"].merging(extra) { _, new in new })
    }

    @Test func repliesAreRecordedAndAnOlderOneNeverOverwritesANewer() throws {
        // rt5 moves after the first invitations, so SEQUENCE 0 and then 1 were sent: both can be answered.
        try inviteToRT5()
        let moved = try scheduleCopy(replacing: [("start: 2012-12-06T10:30:00", "start: 2012-12-06T13:30:00")])
        try inviteToRT5(["ROUNDTABLE_SCHEDULE": moved])
        let accepted = try reply("ACCEPTED", sequence: 1, stamp: "20121110T090000Z")
        let olderSequence = try reply("DECLINED", sequence: 0, stamp: "20121111T090000Z")
        let olderStamp = try reply("TENTATIVE", sequence: 1, stamp: "20121109T090000Z")
        let run = try rsvp([accepted, olderSequence, olderStamp], ["ROUNDTABLE_SCHEDULE": moved])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "rt5: Sam Patel accepted\nrt5: Sam Patel declined (ignored: a newer answer is recorded)\n"
                + "rt5: Sam Patel tentative (ignored: a newer answer is recorded)\n")
        let status = try workspace.rt(["status", "--json", "--as-of", "2012-11-26"], ["ROUNDTABLE_SCHEDULE": moved]).stdout
        #expect(status.contains("\"answer\" : \"accepted\""))
        // The same file read again: the answer recorded is that very one, and it says so.
        let again = try rsvp([accepted], ["ROUNDTABLE_SCHEDULE": moved])
        #expect(again.stdout == "rt5: Sam Patel accepted (already recorded: nothing changed)\n", "\(again.stderr)")
    }

    @Test func aReplyPipedToStandardInputIsRecordedAsFromAFile() throws {
        try inviteToRT5()
        let accepted = try reply("ACCEPTED", sequence: 0, stamp: "20121110T090000Z")
        let run = try roundtable(["rsvp", "-"], environment: env.merging(["ROUNDTABLE_NOW": "2012-11-12T09:00:00Z"]) { _, new in new },
                                 stdinFile: URL(fileURLWithPath: accepted))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "rt5: Sam Patel accepted\n")
        #expect(try workspace.rt(["status", "--json", "--as-of", "2012-11-26"]).stdout.contains("\"answer\" : \"accepted\""))
    }

    @Test(arguments: [
        ("UNKNOWN-ANSWER", "rt5.ajc-plg-2012@ajc.example.org", "sam.patel@charity.example.org", "is not an answer"),
        ("ACCEPTED", "rt9.ajc-plg-2012@ajc.example.org", "sam.patel@charity.example.org", "no session of this series"),
        ("ACCEPTED", "rt5.ajc-plg-2012@ajc.example.org", "stranger@example.org", "not a member"),
    ])
    func aReplyThatDoesNotFitIsRefusedAndTheOthersStillCount(partstat: String, uid: String, from: String, message: String) throws {
        try inviteToRT5()
        let bad = try reply(partstat, sequence: 0, stamp: "20121110T090000Z", uid: uid, from: from)
        let good = try reply("DECLINED", sequence: 0, stamp: "20121110T090000Z")
        let run = try rsvp([bad, good])
        #expect(run.status == 65)
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(run.stdout.contains("rt5: Sam Patel declined"))
    }

    @Test func aFileWithNoCalendarOrAMalformedOneIsRefused() throws {
        let plain = folder.appendingPathComponent("plain.eml")
        try "From: a@example.org\r\nSubject: hi\r\n\r\nJust text\r\n".write(to: plain, atomically: true, encoding: .utf8)
        let broken = folder.appendingPathComponent("broken.ics")
        try "BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\nthis is not a property\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
            .write(to: broken, atomically: true, encoding: .utf8)
        let run = try workspace.rt(["rsvp", plain.path, broken.path])
        #expect(run.status == 65)
        #expect(run.stderr == "roundtable: error: \(plain.path): No calendar (text/calendar part or .ics content) was found in it.\n"
                + "roundtable: error: \(broken.path): Part of the reply could not be read (libical: 'Got a data line, but could not "
                + "find a property name or component begin tag: this is not a property'), and it may be its METHOD, UID, SEQUENCE, "
                + "DTSTAMP or ATTENDEE; it is not recorded.\n")
        #expect(try workspace.rt(["status", "--json"]).stdout.contains("\"answer\" : \"accepted\"") == false)
    }

    @Test func aMissingReplyFileIsInputMissingAndTheOthersStillCount() throws {
        let missing = folder.appendingPathComponent("gone.ics").path
        let alone = try workspace.rt(["rsvp", missing])
        #expect(alone.status == 66)
        #expect(alone.stderr.contains("gone.ics"))
        let mixed = try workspace.rt(["rsvp", missing, folder.appendingPathComponent("plain.txt").path])
        #expect(mixed.status == 66, "both missing")
        let plain = folder.appendingPathComponent("plain.eml")
        try "From: a@example.org\r\nSubject: hi\r\n\r\nJust text\r\n".write(to: plain, atomically: true, encoding: .utf8)
        let oneBad = try workspace.rt(["rsvp", missing, plain.path])
        #expect(oneBad.status == 65, "a file that is there but wrong is bad data")
    }

    @Test func aLineBreakInANameNeverReachesAHeader() throws {
        // `check` refuses it; the mail layer refuses it too, should a schedule ever slip through.
        let address = try? RoundTableMailProbe.address(name: "Sam\r\nBcc: everyone@example.org")
        #expect(address == nil)
    }
}
