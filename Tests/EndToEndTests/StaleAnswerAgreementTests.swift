import Foundation
import Testing
import TestSupport

/// `rsvp` and `status` judge an answer by one rule (`InvitationRecord.outdates`): stale against a
/// later version still standing, never against a withdrawn invitation.
@Suite struct StaleAnswerAgreementTests {
    @Test func rsvpAndStatusAgreeOnWhichAnswersAreStale() throws {
        let workspace = try Workspace()
        let records = workspace.folder.appendingPathComponent("records.yaml")
        // Sam was sent SEQUENCE 1 of rt5 after accepting SEQUENCE 0; Dan's invitation was
        // withdrawn (a CANCEL, SEQUENCE 1) after he accepted SEQUENCE 0.
        try """
            format: 2
            series: ajc-plg-2012
            invitations:
            - {session: rt5, attendee: dan, sequence: 1, sent: 2012-11-09T09:00:00Z, message-id: <c@ajc.example.org>, fingerprint: cancelled, cancelled: true, content: x}
            - {session: rt5, attendee: sam, sequence: 1, sent: 2012-11-09T09:00:00Z, message-id: <d@ajc.example.org>, fingerprint: f, content: x}
            replies:
            - {session: rt5, attendee: dan, answer: ACCEPTED, sequence: 0, stamp: 2012-11-08T10:00:00Z}
            - {session: rt5, attendee: sam, answer: ACCEPTED, sequence: 0, stamp: 2012-11-08T10:00:00Z}

            """.write(to: records, atomically: true, encoding: .utf8)
        #expect(try workspace.rt(["import", records.path]).status == 0)
        let status = try workspace.rt(["status", "rt5", "--as-of", "2012-11-10"]).stdout
        #expect(status.contains("    Sam Patel                answered an earlier version (accepted)\n"), "\(status)")
        #expect(status.contains("    Dan Hughes               accepted\n"), "her last word, not an earlier version: \(status)")

        let sam = try replyFile(workspace, "sam.patel@charity.example.org")
        let dan = try replyFile(workspace, "dan.hughes@services.example.org")
        let rsvp = try workspace.rt(["rsvp", sam, dan], ["ROUNDTABLE_NOW": "2012-11-10T12:00:00Z"])
        #expect(rsvp.status == 65)
        #expect(rsvp.stdout == "rt5: Sam Patel declined (stale: it answers SEQUENCE 0; the invitation is now at 1)\n")
        #expect(rsvp.stderr.contains("invitation to rt5 was withdrawn"), "\(rsvp.stderr)")
    }

    /// A bare calendar file declining SEQUENCE 0 of rt5 for `address`.
    private func replyFile(_ workspace: Workspace, _ address: String) throws -> String {
        let file = workspace.folder.appendingPathComponent("\(address).ics")
        try ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//EN", "METHOD:REPLY", "BEGIN:VEVENT", "UID:rt5.ajc-plg-2012@ajc.example.org",
             "DTSTAMP:20121110T090000Z", "SEQUENCE:0", "ATTENDEE;PARTSTAT=DECLINED:mailto:\(address)", "END:VEVENT", "END:VCALENDAR", ""]
            .joined(separator: "\r\n").write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }
}
