import Foundation
import Testing
import TestSupport

/// Joining and leaving (issue 24, item 5): a member who joins is welcomed before or with her
/// first invitation, with what the group has covered; one who leaves gets a courteous farewell
/// saying what happens to her open actions; the organiser is told of both; each once.
@Suite struct JoiningAndLeavingTests {
    @Test func aJoinerIsWelcomedWithWhatWasCoveredAndALeaverThankedAndTheOrganiserToldOnce() throws {
        let workspace = try SmallGroup.workspace(replacing: [
            ("{id: pat, name:", "{id: pat, joined: 2026-10-01, name:"), ("{id: omar, name:", "{id: omar, left: 2026-10-20, name:"),
        ])
        let outbox = workspace.folder.appendingPathComponent("outbox")
        #expect(try workspace.rt(["invite", "s1", "--outbox", outbox.path]).status == 0)
        let hold = try workspace.rt(["advance", "s1", "hold", "--attended", "jo,niamh,omar", "--as-of", "2026-09-15"])
        #expect(hold.status == 0, "\(hold.stderr)")
        #expect(try workspace.rt(["action", "add", "--session", "s1", "--owner", "omar", "--text", "Bring the anthology", "--as-of", "2026-09-15"]).status == 0)
        // Her first invitations go on 26 September, before she joins: the welcome goes with them.
        #expect(try workspace.rt(["invite", "--outbox", outbox.path, "--as-of", "2026-09-26"], ["ROUNDTABLE_NOW": "2026-09-26T07:00:00Z"]).status == 0)
        let digests = workspace.folder.appendingPathComponent("digests")
        let run = try workspace.rt(["remind", "--as-of", "2026-09-26", "--outbox", digests.path], ["ROUNDTABLE_NOW": "2026-09-26T08:00:00Z"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("reminder to pat <pat@rrc.example.org>: welcome:pat ("), "\(run.stdout)")
        var mails = try SmallGroup.mails(in: digests) { $0.hasPrefix("remind.2026-09-26.") }
        let welcome = try #require(mails.first { $0.to?.contains("pat@") == true })
        #expect(welcome.subject == "[Riverside Reading Circle] Welcome to the group")
        try SmallGroup.expectGolden(welcome.plain, "welcome.txt")
        #expect(mails.first { $0.to?.contains("jo@") == true }?.plain?.contains("Pat Lee joins the group from Thu 1 Oct 2026") == true)

        let leaving = try workspace.rt(["remind", "--as-of", "2026-10-20", "--outbox", digests.path], ["ROUNDTABLE_NOW": "2026-10-20T08:00:00Z"])
        #expect(leaving.status == 0, "\(leaving.stderr)")
        mails = try SmallGroup.mails(in: digests) { $0.hasPrefix("remind.2026-10-20.") }
        let farewell = try #require(mails.first { $0.to?.contains("omar@") == true })
        #expect(farewell.subject == "[Riverside Reading Circle] Thank you, and goodbye")
        try SmallGroup.expectGolden(farewell.plain, "farewell.txt")
        #expect(mails.first { $0.to?.contains("jo@") == true }?.plain?.contains("Omar Haddad leaves the group on Tue 20 Oct 2026") == true)

        for day in ["2026-10-23", "2026-10-27"] {
            let again = try workspace.rt(["remind", "--as-of", day, "--outbox", digests.path], ["ROUNDTABLE_NOW": "\(day)T08:00:00Z"])
            #expect(!again.stdout.contains("welcome:") && !again.stdout.contains("farewell:") && !again.stdout.contains("joined:")
                    && !again.stdout.contains("left:") && !again.stdout.contains("to omar"), "\(again.stdout)")
        }
    }
}
