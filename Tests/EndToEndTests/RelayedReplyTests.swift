import Foundation
import Testing
import TestSupport

/// Replies a calendar server sends for a member (Nextcloud, Baïkal through sabre/dav's IMip
/// plugin, Xandikos): From: the server's own address, Reply-To: the member. They count only when
/// the schedule lists the server in `mail: relays:`, and then still pass every other rule.
@Suite struct RelayedReplyTests {
    private static let relay = "invitations-noreply@cloud.example.org"
    private static let sam = "sam.patel@charity.example.org"
    private let workspace: Workspace

    /// rt5 sent to every member on 6 November (SEQUENCE 0); replies read on the 12th.
    init() throws {
        workspace = try Workspace(["ROUNDTABLE_NOW": "2012-11-12T09:00:00Z"])
        let invite = try workspace.rt(["invite", "rt5", "--outbox", workspace.folder.appendingPathComponent("outbox").path],
                                      ["ROUNDTABLE_NOW": "2012-11-06T09:00:00Z"])
        #expect(invite.status == 0, "\(invite.stderr)")
    }

    /// The bundled schedule with `mail: relays: [relays]`, over the same state.
    private func listing(_ relays: String) throws -> [String: String] {
        ["ROUNDTABLE_SCHEDULE": try scheduleCopy(replacing: [("\nmembers:", "\nmail:\n  relays: [\(relays)]\n\nmembers:")])]
    }

    /// Nextcloud's shape: a multipart email From: the server ("Sam Patel via Nextcloud"), Reply-To: Sam.
    private func nextcloud(_ reply: ReplyFile = ReplyFile()) throws -> String {
        try ReplyFile.write(reply.email(from: ["\"Sam Patel via Nextcloud\" <\(Self.relay)>"], headers: ["Reply-To: Sam Patel <\(Self.sam)>"]),
                            in: workspace.folder, ext: "eml")
    }

    /// sabre/dav's IMipPlugin shape (what its IMipPluginTest expects): the calendar is the whole
    /// body, From: the bare system address, Reply-To: "Name <address>".
    private func sabre() throws -> String {
        let text = ["Reply-To: Sam Patel <\(Self.sam)>", "From: system@dav.example.org", "To: alex.morgan@ajc.example.org",
                    "Subject: Accepted: Influences", "MIME-Version: 1.0", "Content-Type: text/calendar; charset=UTF-8; method=REPLY", "",
                    ReplyFile().calendar].joined(separator: "\r\n")
        return try ReplyFile.write(text, in: workspace.folder, ext: "eml")
    }

    @Test func aRelayedReplyIsRefusedNamingTheRelayAndTheSettingToAdd() throws {
        let path = try nextcloud()
        let run = try workspace.rt(["rsvp", path])
        #expect(run.status == 65)
        #expect(run.stderr == "roundtable: error: \(path): The reply answers for '\(Self.sam)' and was relayed by '\(Self.relay)', "
                + "which is not a listed relay; if that is your calendar server's address, add it to the schedule: "
                + "mail: relays: [\(Self.relay)].\n")
        #expect(try workspace.answers("rt5")["declined"] == 0 && workspace.answers("rt5")["accepted"] == 1, "nothing recorded")
    }

    @Test func aReplyFromAListedRelayCountsForItsReplyTo() throws {
        let env = try listing(Self.relay)
        let run = try workspace.rt(["rsvp", try nextcloud(ReplyFile(events: [ReplyFile.Event(attendees: [(Self.sam, "DECLINED")])]))], env)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "rt5: Sam Patel declined\n")
        #expect(try workspace.answers("rt5", env)["declined"] == 1)
    }

    @Test func sabreDAVsIMipReplyCountsOnceItsSystemAddressIsListed() throws {
        let path = try sabre()
        #expect(try workspace.rt(["rsvp", path]).status == 65)
        let run = try workspace.rt(["rsvp", path], try listing("other@relay.example.org, SYSTEM@dav.example.org"))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "rt5: Sam Patel accepted\n")
    }

    /// The relay vouches for who answered, not for what: the other rules still hold.
    @Test func aListedRelayStillPassesEveryOtherRule() throws {
        let env = try listing(Self.relay)
        let above = try nextcloud(ReplyFile(events: [ReplyFile.Event(sequence: 3)]))
        let run = try workspace.rt(["rsvp", above], env)
        #expect(run.status == 65)
        #expect(run.stderr.contains("carries SEQUENCE 3, but the highest sent to Sam Patel is 0"), "\(run.stderr)")
        // Reply-To: someone else than the attendee: the relay does not speak for Sam.
        let other = try ReplyFile.write(ReplyFile().email(from: ["<\(Self.relay)>"], headers: ["Reply-To: mallory@evil.example.org"]),
                                        in: workspace.folder, ext: "eml")
        let refused = try workspace.rt(["rsvp", other], env)
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("but the email is from '\(Self.relay)'"), "\(refused.stderr)")
        #expect(try workspace.answers("rt5", env)["accepted"] == 1, "only the organiser")
    }

    @Test func checkRefusesARelayThatIsNotAnAddressAtItsLine() throws {
        let path = try scheduleCopy(replacing: [("\nmembers:", "\nmail:\n  relays: [noreply@cloud, \(Self.relay)]\n  relay: x\nmembers:")])
        let run = try workspace.rt(["check", "-s", path])
        #expect(run.status == 65)
        let lines = run.stdout.split(separator: "\n") + run.stderr.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("\(path):") && $0.contains("The relay 'noreply@cloud' is not an email address") }, "\(run)")
        #expect(lines.contains { $0.hasPrefix("\(path):") && $0.contains("Unknown key 'relay' in 'mail'") }, "\(run)")
    }
}
