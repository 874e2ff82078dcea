import Foundation
import Testing
import TestSupport

/// Replies as real calendar clients write them (Apple, Google, Exchange, Lightning, sabre/vobject):
/// other projects' test data in `../shared/samples/imip-replies/replies`, read from there and
/// never copied in (see its SOURCES.md). Each answers the AJC series' rt5 invitation.
@Suite struct RealClientReplyTests {
    /// Beside the clone, as CI has it.
    private static let samples = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/samples/imip-replies/replies")

    /// Each sample and the line `rsvp` prints for it; the file names read `<client>.<member>.<answer>.<ext>`.
    private static let expected = [
        "apple-ical3-mail.dan.accepted.eml": "rt5: Dan Hughes accepted",
        "apple-ical5.tom.accepted.ics": "rt5: Tom Whitfield accepted",
        "exchange2010.helen.accepted.ics": "rt5: Helen Price accepted",
        "google-calendar.priya.accepted.ics": "rt5: Priya Shah accepted",
        "google-calendar.ruth.tentative.ics": "rt5: Ruth Evans tentative",
        "lightning-mail.grace.accepted.eml": "rt5: Grace Okafor accepted",
        "lightning-mail.sam.declined.eml": "rt5: Sam Patel declined",
        "sabre-vobject.eoin.accepted.ics": "rt5: Eoin Byrne accepted",
    ]

    private let workspace: Workspace

    /// rt5 was sent to every member at SEQUENCE 0; replies are read after the newest sample's
    /// DTSTAMP (Google's, November 2017).
    init() throws {
        workspace = try Workspace(["ROUNDTABLE_NOW": "2018-01-01T00:00:00Z"])
        let invite = try workspace.rt(["invite", "rt5", "--outbox", workspace.folder.appendingPathComponent("outbox").path],
                                      ["ROUNDTABLE_NOW": "2012-11-06T09:00:00Z"])
        #expect(invite.status == 0, "\(invite.stderr)")
    }

    /// The sample's bytes with its SEQUENCE set to the 0 we sent, written to the workspace.
    /// SOURCES.md says the rewrite set every SEQUENCE to 0, but Apple's quoted-printable email
    /// still says 7 (it answered an invitation updated seven times), which rt5 never was; every
    /// other byte is the client's.
    private func copy(of name: String, replacing replacements: [(String, String)] = []) throws -> String {
        var text = String(decoding: try Data(contentsOf: Self.samples.appendingPathComponent(name)), as: UTF8.self)
        text = text.replacing(/SEQUENCE:\d+/, with: "SEQUENCE:0")
        for (original, replacement) in replacements {
            #expect(text.contains(original), "\(name) no longer holds \(original)")
            text = text.replacingOccurrences(of: original, with: replacement)
        }
        let path = workspace.folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func theSamplesFolderHoldsTheRepliesTestedHere() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.samples.path)
        #expect(Set(names) == Set(Self.expected.keys), "a sample added or gone in \(Self.samples.path)")
    }

    @Test(arguments: expected.keys.sorted())
    func aRealClientsReplyIsRecordedWithoutTrustingItsSender(name: String) throws {
        let run = try workspace.rt(["rsvp", try copy(of: name)])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == Self.expected[name]! + "\n")
    }

    @Test func aRealEmailFromSomeoneElseIsRefusedUnlessVouchedFor() throws {
        let path = try copy(of: "lightning-mail.sam.declined.eml",
                            replacing: [("From: sam.patel@charity.example.org", "From: assistant@charity.example.org")])
        let refused = try workspace.rt(["rsvp", path])
        #expect(refused.status == 65)
        #expect(refused.stderr == "roundtable: error: \(path): The reply answers for 'sam.patel@charity.example.org' but the email "
                + "is from 'assistant@charity.example.org'; a reply is believed only from its attendee's own address. If you know "
                + "this reply is genuine, run rsvp again with --trust-sender.\n")
        let vouched = try workspace.rt(["rsvp", "--trust-sender", path])
        #expect(vouched.status == 0, "\(vouched.stderr)")
        #expect(vouched.stdout == "rt5: Sam Patel declined\n")
    }

    /// libical flags each of these (an empty TEXT value, an empty X-property, an unknown name);
    /// `rsvp` reads none of them, so the reply is recorded.
    @Test func damageToPropertiesRsvpDoesNotReadIsIgnored() throws {
        let event = ReplyFile.Event(stamp: "20121110T090000Z",
                                    lines: ["LOCATION:", "DESCRIPTION:", "COMMENT:", "X-MICROSOFT-CDO-OWNERAPPTID:", "X-GOOGLE-CONFERENCE:",
                                            "DTEND:not-a-time", "FUTURE-PROPERTY:1"])
        let path = try ReplyFile.write(ReplyFile(events: [event]).email(), in: workspace.folder, ext: "eml")
        let run = try workspace.rt(["rsvp", path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "rt5: Sam Patel accepted\n")
    }

    private static let rule = "a reply whose METHOD, UID, SEQUENCE, DTSTAMP or ATTENDEE is damaged is not recorded."

    @Test(arguments: [
        ("METHOD:REPLY", "METHOD:",
         "The reply's METHOD could not be read (libical: 'No value for METHOD property. Removing entire property:'); \(rule)"),
        ("UID:rt5.ajc-plg-2012@ajc.example.org", "UID:",
         "The reply's UID could not be read (libical: 'No value for UID property. Removing entire property:'); \(rule)"),
        ("SEQUENCE:0", "SEQUENCE:",
         "The reply's SEQUENCE could not be read (libical: 'No value for SEQUENCE property. Removing entire property:'); \(rule)"),
        ("DTSTAMP:20121110T090000Z", "DTSTAMP:20121110T0900",
         "The reply's DTSTAMP could not be read (libical: 'Can't parse as DATE-TIME value in DTSTAMP property. Removing entire "
         + "property: 20121110T0900'); \(rule)"),
        ("ORGANIZER:mailto:alex.morgan@ajc.example.org", "ATTENDEE;PARTSTAT=DECLINED:",
         "The reply's ATTENDEE could not be read (libical: 'No value for ATTENDEE property. Removing entire property:'); \(rule)"),
        ("ATTENDEE;PARTSTAT=ACCEPTED", "ATTENDEE;=x;PARTSTAT=ACCEPTED",
         "Part of the reply could not be read (libical: 'Can't parse parameter name: =x'), and it may be its METHOD, UID, "
         + "SEQUENCE, DTSTAMP or ATTENDEE; it is not recorded."),
    ])
    func damageToWhatRsvpReadsIsRefused(original: String, damaged: String, message: String) throws {
        let calendar = ReplyFile().calendar
        #expect(calendar.contains(original))
        let path = try ReplyFile.write(calendar.replacingOccurrences(of: original, with: damaged), in: workspace.folder, ext: "ics")
        let run = try workspace.rt(["rsvp", path])
        #expect(run.status == 65)
        #expect(run.stderr == "roundtable: error: \(path): \(message)\n")
        #expect(try workspace.answers("rt5") == ["accepted": 1, "declined": 0, "tentative": 0, "noAnswer": 9, "answeredEarlierVersion": 0],
                "only the organiser")
    }
}
