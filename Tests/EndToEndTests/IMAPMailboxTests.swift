import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// `rsvp --mailbox imaps://…` against a real Dovecot: real clients' replies recorded and marked
/// `$RoundtableRead`, other mail left with no flag at all (not even `\Seen`), a forged reply
/// reported once, nothing read or recorded twice, whatever happens to the run or the server.
@Suite(.serialized) struct IMAPMailboxTests {
    private let workspace: Workspace
    private let dovecot: Dovecot

    init() throws {
        workspace = try MailboxFixture.workspace()
        dovecot = try Dovecot()
    }

    private func deliverAll() throws {
        for message in try MailboxFixture.messages() { try dovecot.deliver(message.text, name: message.name) }
    }

    private func rsvp(_ arguments: [String] = [], _ extra: [String: String] = [:]) throws -> Run {
        try workspace.rt(["rsvp", "--mailbox", dovecot.inbox] + arguments, dovecot.environment.merging(extra) { _, new in new })
    }

    /// Each message's flags by its label: the replies (and the forged one) marked, the rest bare.
    private func expectMarkedRepliesOnly() throws {
        let flags = try dovecot.flags()
        let labels = try MailboxFixture.messages().map { MailboxFixture.label(of: $0.name) }
        #expect(flags.count == labels.count, "\(flags)")
        for (uid, label) in zip(1..., labels) {
            #expect(flags[uid] == (MailboxFixture.others.contains(label) ? "" : "$RoundtableRead"), "\(label): \(flags[uid] ?? "missing")")
        }
    }

    @Test func repliesAreRecordedAndMarkedOtherMailIsLeftAloneAndASecondRunReadsNothing() throws {
        try deliverAll()
        let first = try rsvp()
        #expect(first.status == 65, "\(first.stderr)")
        #expect(first.stdout == MailboxFixture.recordedLines.map { $0 + "\n" }.joined())
        let errors = first.stderr.split(separator: "\n")
        #expect(errors.count == 2 && errors[0].hasPrefix("roundtable: error: \(dovecot.inbox) message 12: The reply answers for "
                                                           + "'helen.price@outsource.example.org' but the email is from 'mallory@evil.example.org'"),
                "\(first.stderr)")
        #expect(errors.last == "rsvp: 9 replies recorded, 1 refused, 2 other messages left alone")
        #expect(try workspace.answers("rt5") == MailboxFixture.answers)
        try expectMarkedRepliesOnly()

        let second = try rsvp()
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout == "")
        #expect(second.stderr == "rsvp: 0 replies recorded, 0 refused, 0 other messages left alone\n")
        try expectMarkedRepliesOnly()
    }

    @Test func startTLSOnImapWorksLikeImaps() throws {
        try deliverAll()
        let run = try workspace.rt(["rsvp", "--mailbox", "imap://\(dovecot.user)@127.0.0.1:\(dovecot.startTLSPort)/INBOX"], dovecot.environment)
        #expect(run.status == 65)
        #expect(run.stdout.split(separator: "\n").count == 9)
        try expectMarkedRepliesOnly()
    }

    @Test func aWrongPasswordExits77AndRecordsNothing() throws {
        try deliverAll()
        let run = try rsvp([], ["ROUNDTABLE_IMAP_PASSWORD": "wrong-secret"])
        #expect(run.status == 77)
        #expect(run.stderr == "roundtable: error: The mailbox refused the login: the IMAP server at '\(dovecot.inbox)' refused the login; "
                + "check ROUNDTABLE_IMAP_PASSWORD (or the server's entry in ~/.netrc).\n")
        #expect(!run.stderr.contains("wrong-secret"))
        #expect(try workspace.answers("rt5")["noAnswer"] == 9)
    }

    /// No ROUNDTABLE_IMAP_PASSWORD: the password is the server's entry in ~/.netrc, which libcurl reads.
    @Test func thePasswordCanComeFromNetrc() throws {
        try deliverAll()
        let home = workspace.folder.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let netrc = home.appendingPathComponent(".netrc")
        try "machine 127.0.0.1 login \(dovecot.user) password \(dovecot.password)\n".write(to: netrc, atomically: true, encoding: .utf8)
        chmod(netrc.path, 0o600)
        let run = try workspace.rt(["rsvp", "--mailbox", dovecot.inbox], ["HOME": home.path, "ROUNDTABLE_IMAP_CA_FILE": dovecot.certificate])
        #expect(run.status == 65, "\(run.stderr)")
        #expect(run.stdout.split(separator: "\n").count == 9)
    }

    @Test func aServerThatCannotBeReachedExits69AndAnUntrustedOneToo() throws {
        let closed = try workspace.rt(["rsvp", "--mailbox", "imaps://coord@127.0.0.1:\(try unusedPort())/INBOX"], dovecot.environment)
        #expect(closed.status == 69, "\(closed.stderr)")
        let untrusted = try rsvp([], ["ROUNDTABLE_IMAP_CA_FILE": ""])
        #expect(untrusted.status == 69)
        #expect(untrusted.stderr.contains("is not trusted"), "\(untrusted.stderr)")
    }

    /// The folder rebuilt on the server: every UID means something else now. What was marked is
    /// not read again; mail never marked (not a reply) is read again and still left alone.
    @Test func aChangedUIDValidityReadsOnlyWhatWasNeverMarked() throws {
        try deliverAll()
        #expect(try rsvp().status == 65)
        try dovecot.changeUIDValidity(to: 4242)
        try dovecot.deliver(ReplyFile(events: [ReplyFile.Event(stamp: "20171231T100000Z", attendees: [("sam.patel@charity.example.org", "ACCEPTED")])])
                                .email(), name: "1600000000.sam-again.test")
        let run = try rsvp()
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "rt5: Sam Patel accepted\n")
        #expect(run.stderr == "rsvp: 1 reply recorded, 0 refused, 2 other messages left alone\n")
    }

    /// Killed with SIGKILL at points spread over the run, eight times, new mail arriving before
    /// each (replies among bulletins, so that kills fall between recording a reply and marking
    /// it as well as among other mail), then run to the end: every answer recorded once, every
    /// reply marked, other mail untouched. The moments are drawn from a seed chosen per run and
    /// named in every failure; `ROUNDTABLE_KILL_SEED=N` draws the same moments again.
    @Test func aRunKilledAtAnyPointLosesAndDoublesNothing() throws {
        var random = SeededRandom.forKills()
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("ROUNDTABLE_") }
        environment.merge(workspace.env.merging(dovecot.environment) { _, new in new }) { _, new in new }
        let messages = try MailboxFixture.messages()
        for attempt in 0..<8 {
            for message in messages[(attempt * messages.count / 8)..<((attempt + 1) * messages.count / 8)] {
                try dovecot.deliver(message.text, name: message.name)
            }
            for index in 0..<20 {
                try dovecot.deliver("From: news@example.org\r\nSubject: Bulletin \(index)\r\n\r\nNot a reply.\r\n",
                                    name: "\(1_600_000_000 + attempt).bulk\(index).test")
            }
            let run = try BackgroundProcess([roundtableBinary, "rsvp", "--mailbox", dovecot.inbox], environment: environment)
            usleep(useconds_t.random(in: 50_000...400_000, using: &random))
            run.send(SIGKILL)
            _ = run.wait()
        }
        let last = try rsvp()
        #expect([0, 65].contains(last.status), "\(random.replay): \(last.stderr)")
        #expect(try workspace.answers("rt5") == MailboxFixture.answers, "\(random.replay)")
        let flags = try dovecot.flags()
        #expect(flags.count == 172, "\(random.replay)")
        #expect(flags.values.filter { $0 == "$RoundtableRead" }.count == 10, "\(random.replay): \(flags)")
        #expect(flags.values.filter { $0.isEmpty }.count == 162, "\(random.replay)")
        #expect(try rsvp().stderr == "rsvp: 0 replies recorded, 0 refused, 0 other messages left alone\n")
    }

    /// The server stopped while a run fetches: exit 75, and once it is back the next run
    /// finishes the work.
    @Test func aServerRestartMidFetchLosesNothing() throws {
        for index in 0..<3000 {
            try dovecot.deliver("From: news@example.org\r\nSubject: Bulletin \(index)\r\n\r\n" + String(repeating: "Not a reply. ", count: 2000) + "\r\n",
                                name: "1400000000.bulk\(index).test")
        }
        try deliverAll()
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("ROUNDTABLE_") }
        environment.merge(workspace.env.merging(dovecot.environment) { _, new in new }) { _, new in new }
        let logins = dovecot.logins()
        let run = try BackgroundProcess([roundtableBinary, "rsvp", "--mailbox", dovecot.inbox], environment: environment)
        // Stopped as soon as the run has logged in, while it fetches 78 MB of bulletins: on an idle
        // machine a smaller mailbox, or a pause first, let the run finish before the stop.
        let deadline = Date().addingTimeInterval(20)
        while dovecot.logins() == logins && Date() < deadline { usleep(10_000) }
        dovecot.stop()
        #expect(run.wait() == 75, "the run was cut off mid-fetch")
        try dovecot.start()
        let next = try rsvp()
        #expect(next.status == 65, "\(next.stderr)")
        #expect(try workspace.answers("rt5") == MailboxFixture.answers)
        let flags = try dovecot.flags()
        #expect(flags.values.filter { $0 == "$RoundtableRead" }.count == 10, "\(flags.filter { !$0.value.isEmpty }) of \(flags.count)")
    }
}
