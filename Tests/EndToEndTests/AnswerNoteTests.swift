import Foundation
import Testing
import TestSupport

/// Notes that travel with answers (issue 24, item 4): a COMMENT in an iMIP reply and what the
/// person wrote at the top of her reply email are kept with the answer, shown by `status`,
/// kept by `dump`/`import`, and passed on once in the organiser's next digest.
@Suite struct AnswerNoteTests {
    /// Niamh's reply email: her note, then the invitation quoted, then her signature.
    static let niamhsText = """
        I may need to leave at 12:45, sorry.
        Happy to take notes until then.

        On Tue, 1 Sep 2026 at 09:00, Joanne Ashworth <jo@rrc.example.org> wrote:
        > You are invited to the meeting below.
        > Please accept or decline with your calendar.

        --\u{20}
        Niamh Kelly
        Sent from my phone
        """

    /// Every invitation sent on 1 September; Omar declines with a COMMENT, Niamh accepts by
    /// email with a note above a quotation and a signature, Pat accepts with nothing to say.
    private func answered() throws -> Workspace {
        let workspace = try SmallGroup.workspace()
        let outbox = workspace.folder.appendingPathComponent("outbox")
        let invite = try workspace.rt(["invite", "--outbox", outbox.path])
        #expect(invite.status == 0, "\(invite.stderr)")
        let now = ["ROUNDTABLE_NOW": "2026-09-02T12:00:00Z"]
        let omar = try SmallGroup.reply("omar", "DECLINED", session: "s2", stamp: "20260902T090000Z",
                                        comment: "Can someone else be rapporteur?\\nI am away\\, sorry.", in: workspace.folder)
        let niamh = try SmallGroup.reply("niamh", "ACCEPTED", session: "s2", stamp: "20260902T100000Z", text: Self.niamhsText, in: workspace.folder)
        let pat = try SmallGroup.reply("pat", "ACCEPTED", session: "s2", stamp: "20260902T110000Z", text: "\n", in: workspace.folder)
        let rsvp = try workspace.rt(["rsvp", omar, niamh, pat], now)
        #expect(rsvp.status == 0, "\(rsvp.stderr)")
        #expect(rsvp.stdout == """
            s2: Omar Haddad declined
            s2: Niamh Kelly accepted
            s2: Pat Lee accepted

            """)
        return workspace
    }

    @Test func aNoteIsShownByStatusAndItsJSONAndKeptByDumpAndImport() throws {
        let workspace = try answered()
        let status = try workspace.rt(["status", "s2", "--as-of", "2026-09-02"])
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.contains("""
                Omar Haddad              declined
                    “Can someone else be rapporteur? I am away, sorry.”
                Pat Lee                  accepted

            """), "\(status.stdout)")
        #expect(status.stdout.contains("        “I may need to leave at 12:45, sorry. Happy to take notes until then.”\n"))
        #expect(!status.stdout.contains("wrote:") && !status.stdout.contains("phone"), "the quotation and signature are left out")
        let json = try workspace.rt(["status", "--json", "--as-of", "2026-09-02"]).stdout
        #expect(json.contains("\"note\" : \"Can someone else be rapporteur? I am away, sorry.\""), "\(json)")
        #expect(json.components(separatedBy: "\"note\"").count == 3, "Pat wrote nothing: no note")

        let dump = try workspace.rt(["dump"]).stdout
        #expect(dump.contains("note: 'I may need to leave at 12:45, sorry. Happy to take notes until then.'}"), "\(dump)")
        let file = workspace.folder.appendingPathComponent("backup.yaml")
        try dump.write(to: file, atomically: true, encoding: .utf8)
        let restored = try SmallGroup.workspace()
        #expect(try restored.rt(["import", file.path]).status == 0)
        #expect(try restored.rt(["dump"]).stdout == dump, "import then dump gives the same bytes")
    }

    @Test func theOrganisersNextDigestPassesEachNoteOnOnceAcrossMissedCronDays() throws {
        let workspace = try answered()
        let digests = workspace.folder.appendingPathComponent("digests")
        let dry = try workspace.rt(["remind", "--as-of", "2026-09-03", "--dry-run"])
        #expect(dry.stdout.contains("; note:s2:omar (answered Wed 2 Sep 2026)"), "\(dry.stdout)")
        let first = try workspace.rt(["remind", "--as-of", "2026-09-03", "--outbox", digests.path], ["ROUNDTABLE_NOW": "2026-09-03T07:00:00Z"])
        #expect(first.status == 0, "\(first.stderr)")
        let mails = try SmallGroup.mails(in: digests)
        let jo = try #require(mails.first { $0.to?.contains("jo@rrc.example.org") == true })
        try SmallGroup.expectGolden(jo.plain, "answer-notes-digest.txt")
        // Cron misses the 4th and 5th; the runs of the 6th and 7th pass on nothing again.
        for day in ["2026-09-06", "2026-09-07"] {
            let again = try workspace.rt(["remind", "--as-of", day, "--outbox", digests.path], ["ROUNDTABLE_NOW": "\(day)T07:00:00Z"])
            #expect(again.status == 0, "\(again.stderr)")
            #expect(!again.stdout.contains("note:"), "\(again.stdout)")
        }
        let all = try SmallGroup.mails(in: digests)
        #expect(all.filter { $0.plain?.contains("Can someone else be rapporteur?") == true }.count == 1, "each note once")
    }

    /// Real clients' replies (read where they sit, never copied in): the notices their clients
    /// write in the text part ("… has accepted your iCal event invitation") are not notes, and
    /// Exchange's empty COMMENT is none.
    @Test func realClientsNoticesAreNotNotes() throws {
        let samples = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/samples/imip-replies/replies")
        let workspace = try Workspace(["ROUNDTABLE_NOW": "2018-01-01T00:00:00Z"])
        let invite = try workspace.rt(["invite", "rt5", "--outbox", workspace.folder.appendingPathComponent("outbox").path],
                                      ["ROUNDTABLE_NOW": "2012-11-06T09:00:00Z"])
        #expect(invite.status == 0, "\(invite.stderr)")
        let files = try FileManager.default.contentsOfDirectory(at: samples, includingPropertiesForKeys: nil).map(\.path).sorted()
        for file in files {
            // Apple's email answers SEQUENCE 7 (see RealClientReplyTests): every one answers the 0 sent.
            let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: file)), as: UTF8.self)
            let copy = workspace.folder.appendingPathComponent(URL(fileURLWithPath: file).lastPathComponent)
            try text.replacing(/SEQUENCE:\d+/, with: "SEQUENCE:0").write(to: copy, atomically: true, encoding: .utf8)
            let run = try workspace.rt(["rsvp", copy.path])
            #expect(run.status == 0, "\(file): \(run.stderr)")
        }
        let json = try workspace.rt(["status", "--json"]).stdout
        #expect(!json.contains("\"note\""), "\(json)")
    }
}
