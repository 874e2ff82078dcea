import Foundation
import ICalendar
import Testing
import TestSupport

/// RFC 5546 on significance (issue 24, item 3): a new rapporteur keeps every answer given and
/// asks nothing again; a new time raises SEQUENCE and asks everyone again; a CANCEL asks no one.
/// Each update says what changed, old → new. Every calendar is read by libical and by Python's
/// icalendar (inside an email read with policy=strict).
@Suite struct UpdateSignificanceTests {
    /// Each ATTENDEE of the message's calendar as libical reads it: address, PARTSTAT, RSVP.
    private func libicalAttendees(_ mail: StrictMail) throws -> [[String?]] {
        let calendar = try Component.parse(try #require(mail.calendar))
        let event = try #require(calendar.components("VEVENT").first)
        return event.properties("ATTENDEE").map { [$0.value.text, $0.parameter("PARTSTAT"), $0.parameter("RSVP")] }
    }

    @Test func aNewRapporteurKeepsEveryAnswerAndANewTimeAsksAgainAndACancelAsksNoOne() throws {
        let workspace = try SmallGroup.workspace()
        let outbox = workspace.folder.appendingPathComponent("outbox")
        #expect(try workspace.rt(["invite", "s2", "--outbox", outbox.path]).status == 0)
        let omar = try SmallGroup.reply("omar", "DECLINED", session: "s2", stamp: "20260902T090000Z", in: workspace.folder)
        let niamh = try SmallGroup.reply("niamh", "ACCEPTED", session: "s2", stamp: "20260902T100000Z", in: workspace.folder)
        #expect(try workspace.rt(["rsvp", omar, niamh], ["ROUNDTABLE_NOW": "2026-09-02T12:00:00Z"]).status == 0)

        // A new rapporteur: the same SEQUENCE, every answer kept, nothing asked again.
        try SmallGroup.change(workspace, [("rapporteur: niamh, attendees: all}\n  - {id: s3", "rapporteur: pat, attendees: all}\n  - {id: s3")])
        let reworded = try workspace.rt(["invite", "s2", "--outbox", outbox.path, "--as-of", "2026-09-05"], ["ROUNDTABLE_NOW": "2026-09-05T08:00:00Z"])
        #expect(reworded.status == 0, "\(reworded.stderr)")
        #expect(reworded.stdout.split(separator: "\n").filter { $0.contains("(SEQUENCE 0, text changed)") }.count == 3, "\(reworded.stdout)")
        let kept: [[String?]] = [
            ["mailto:jo@rrc.example.org", "ACCEPTED", "FALSE"], ["mailto:niamh@rrc.example.org", "ACCEPTED", "FALSE"],
            ["mailto:omar@rrc.example.org", "DECLINED", "FALSE"], ["mailto:pat@rrc.example.org", "NEEDS-ACTION", "TRUE"],
        ]
        let updates = try SmallGroup.mails(in: outbox) { $0.contains(".s0.request.") }.filter { $0.subject?.contains("] Changed: ") == true }
        #expect(updates.count == 3)
        for mail in updates {
            #expect(mail.sequence == 0 && mail.method == "REQUEST")
            #expect(mail.attendees == kept, "Python's icalendar: \(mail.file)")
            #expect(try libicalAttendees(mail) == kept, "libical: \(mail.file)")
        }
        let toPat = try #require(updates.first { $0.to?.contains("pat@") == true })
        try SmallGroup.expectGolden(toPat.plain, "update-rapporteur.txt")

        // A new time: SEQUENCE 1, every answer asked for again.
        try SmallGroup.change(workspace, [("start: 2026-10-13T18:00:00", "start: 2026-10-20T18:30:00")])
        let moved = try workspace.rt(["invite", "s2", "--outbox", outbox.path, "--as-of", "2026-09-06"], ["ROUNDTABLE_NOW": "2026-09-06T08:00:00Z"])
        #expect(moved.status == 0, "\(moved.stderr)")
        let asked: [[String?]] = [
            ["mailto:jo@rrc.example.org", "ACCEPTED", "FALSE"], ["mailto:niamh@rrc.example.org", "NEEDS-ACTION", "TRUE"],
            ["mailto:omar@rrc.example.org", "NEEDS-ACTION", "TRUE"], ["mailto:pat@rrc.example.org", "NEEDS-ACTION", "TRUE"],
        ]
        let movedMails = try SmallGroup.mails(in: outbox) { $0.contains(".s1.request.") }
        #expect(movedMails.count == 3)
        for mail in movedMails {
            #expect(mail.sequence == 1)
            #expect(mail.attendees == asked, "Python's icalendar: \(mail.file)")
            #expect(try libicalAttendees(mail) == asked, "libical: \(mail.file)")
        }
        try SmallGroup.expectGolden(try #require(movedMails.first { $0.to?.contains("omar@") == true }).plain, "update-moved.txt")

        // Cancelled: above every SEQUENCE sent, and no one is asked to reply.
        try SmallGroup.change(workspace, [("subject: Short stories, location: Library,", "subject: Short stories, status: cancelled, location: Library,")])
        let cancel = try workspace.rt(["invite", "s2", "--outbox", outbox.path, "--as-of", "2026-09-07"], ["ROUNDTABLE_NOW": "2026-09-07T08:00:00Z"])
        #expect(cancel.status == 0, "\(cancel.stderr)")
        let cancels = try SmallGroup.mails(in: outbox) { $0.contains(".cancel.") }
        #expect(cancels.count == 3)
        for mail in cancels {
            #expect(mail.method == "CANCEL" && mail.sequence == 2 && mail.status == "CANCELLED")
            #expect(mail.attendees?.allSatisfy { $0[2] == "FALSE" } == true, "Python's icalendar: \(mail.file)")
            #expect(try libicalAttendees(mail).allSatisfy { $0[2] == "FALSE" }, "libical: \(mail.file)")
            #expect(mail.calendar?.contains("RSVP=TRUE") == false)
        }
    }

    @Test func anUpdateSaysWhatChangedForEveryField() throws {
        let workspace = try SmallGroup.workspace()
        let outbox = workspace.folder.appendingPathComponent("outbox")
        #expect(try workspace.rt(["invite", "s3", "--outbox", outbox.path]).status == 0)
        try SmallGroup.change(workspace, [
            ("{id: s3, kind: meeting, subject: Poetry, location: Library, start: 2026-11-10T18:00:00, facilitator: jo, rapporteur: pat, attendees: all}",
             "{id: s3, kind: meeting, subject: War poetry, location: Town Hall, start: 2026-11-10T19:00:00, facilitator: niamh, rapporteur: omar, attendees: [jo, niamh, omar]}"),
        ])
        let run = try workspace.rt(["invite", "s3", "--outbox", outbox.path, "--as-of", "2026-09-05"], ["ROUNDTABLE_NOW": "2026-09-05T08:00:00Z"])
        #expect(run.status == 0, "\(run.stderr)")
        let toOmar = try #require(try SmallGroup.mails(in: outbox) { $0.contains(".s1.request.") && $0.contains(".omar.") }.first)
        try SmallGroup.expectGolden(toOmar.plain, "update-every-field.txt")
    }
}
