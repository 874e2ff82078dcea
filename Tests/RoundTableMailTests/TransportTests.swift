import Foundation
import Testing
import TestSupport
@testable import RoundTableMail

/// The outbox and sendmail transports against the real file system and real child processes,
/// and the choice of transport from flags and environment.
@Suite struct TransportTests {
    // MARK: Outbox

    @Test func theOutboxWritesOneFileNamedAfterTheMessageIDWithTheBytesAsGiven() throws {
        let scratch = try ScratchFolder()
        let outbox = scratch.file("nested/outbox").path
        let first = Envelope.sample(id: "reminder.rt4.writeup.zoe@ajc.example.org")
        let second = Envelope.sample(id: "reminder.rt5.plan.coord@ajc.example.org", body: "Another message")
        try OutboxTransport(directory: outbox).deliver(first)
        try OutboxTransport(directory: outbox).deliver(second)
        #expect(try FileManager.default.contentsOfDirectory(atPath: outbox).sorted()
            == ["reminder.rt4.writeup.zoe_ajc.example.org.eml", "reminder.rt5.plan.coord_ajc.example.org.eml"])
        let written = try Data(contentsOf: URL(fileURLWithPath: outbox).appendingPathComponent("reminder.rt4.writeup.zoe_ajc.example.org.eml"))
        #expect([UInt8](written) == first.data)
    }

    @Test func theSameMessageIDTwiceLeavesOneFileHoldingTheLatestBytes() throws {
        let scratch = try ScratchFolder()
        let outbox = OutboxTransport(directory: scratch.path)
        try outbox.deliver(Envelope.sample(id: "a@b", body: "first"))
        try outbox.deliver(Envelope.sample(id: "a@b", body: "second"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["a_b.eml"])
        #expect(try String(contentsOf: scratch.file("a_b.eml"), encoding: .utf8).hasSuffix("second\r\n"))
    }

    @Test(arguments: [
        ("plain.id-1_x@example.org", "plain.id-1_x_example.org.eml"),
        ("with space/and\\slash@x", "with_space_and_slash_x.eml"),
        (".hidden@x", "_hidden_x.eml"),
        ("caf\u{E9}\u{0663}@x", "caf___x.eml"),
    ])
    func outboxFileNamesKeepToASafeAlphabet(messageID: String, expected: String) {
        #expect(OutboxTransport.fileName(for: messageID) == expected)
    }

    @Test func aMessageIDTooLongForAFileNameIsShortenedWithAHashOfTheWhole() {
        let one = OutboxTransport.fileName(for: String(repeating: "a", count: 300) + "1@x")
        let two = OutboxTransport.fileName(for: String(repeating: "a", count: 300) + "2@x")
        #expect(one != two)
        #expect(one.utf8.count <= 200 && two.utf8.count <= 200)
    }

    @Test func anOutboxUnderARegularFileIsMisconfigured() throws {
        let scratch = try ScratchFolder()
        try "x".write(to: scratch.file("a-file"), atomically: true, encoding: .utf8)
        let outbox = scratch.file("a-file/outbox").path
        do {
            try OutboxTransport(directory: outbox).deliver(Envelope.sample())
        } catch {
            guard case .misconfigured(let why) = error else { Issue.record("expected .misconfigured, got \(error)"); return }
            #expect(why.contains(outbox))
        }
    }

    @Test func aFailedRenameLeavesNoTemporaryFileBehind() throws {
        let scratch = try ScratchFolder()
        // A folder where the file should go makes the final rename fail, even for root.
        try FileManager.default.createDirectory(at: scratch.file("a_b.eml"), withIntermediateDirectories: false)
        #expect(throws: DeliveryError.self) { try OutboxTransport(directory: scratch.path).deliver(Envelope.sample(id: "a@b")) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["a_b.eml"])
    }

    // MARK: Sendmail

    @Test func sendmailGetsTheBytesOnStandardInputAndExactlyDashTDashI() throws {
        let scratch = try ScratchFolder()
        let saved = scratch.file("saved").path
        let sendmail = try scratch.script("sendmail", #"printf '%s\n' "$@" > "\#(saved).args"; cat > "\#(saved).eml""#)
        let message = Envelope.sample(body: "Line one\r\n.\r\n..dots\r\nCaf\u{E9}")
        try SendmailTransport(path: sendmail, timeout: 10).deliver(message)
        #expect(try String(contentsOfFile: saved + ".args", encoding: .utf8) == "-t\n-i\n")
        #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: saved + ".eml"))) == message.data)
    }

    /// Read by grep, sendmail's child, as bash blocks SIGCHLD for itself while it waits.
    @Test func sendmailStartsWithSIGPIPEAtItsDefaultAndNoSignalBlocked() throws {
        let scratch = try ScratchFolder()
        let saved = scratch.file("status").path
        let sendmail = try scratch.script("sendmail", #"cat >/dev/null; grep -E '^Sig(Ign|Blk)' /proc/self/status > "\#(saved)""#)
        try SendmailTransport(path: sendmail, timeout: 10).deliver(Envelope.sample())
        let lines = try String(contentsOfFile: saved, encoding: .utf8).split(separator: "\n")
        let masks = Dictionary(uniqueKeysWithValues: lines.map { line in
            let parts = line.split(separator: ":")
            return (String(parts[0]), UInt64(parts[1].trimmingCharacters(in: .whitespaces), radix: 16) ?? .max)
        })
        #expect(masks["SigBlk"] == 0)
        #expect(masks["SigIgn"].map { $0 & (1 << (UInt64(SIGPIPE) - 1)) } == 0)
    }

    @Test func aLargeMessageToASendmailThatReadsNothingIsAFailureNotACrash() throws {
        let scratch = try ScratchFolder()
        let sendmail = try scratch.script("sendmail", "exit 1")
        let large = Envelope.sample(body: String(repeating: "0123456789abcdef\r\n", count: 40_000))
        #expect(throws: DeliveryError.temporary("sendmail exited with status 1")) {
            try SendmailTransport(path: sendmail, timeout: 10).deliver(large)
        }
    }

    @Test func sendmailExiting75IsTemporaryAndQuotesItsStandardError() throws {
        let scratch = try ScratchFolder()
        let sendmail = try scratch.script("sendmail", "cat >/dev/null; echo 'queue full' >&2; echo 'try later' >&2; exit 75")
        #expect(throws: DeliveryError.temporary("sendmail exited with status 75 (EX_TEMPFAIL): queue full; try later")) {
            try SendmailTransport(path: sendmail, timeout: 10).deliver(Envelope.sample())
        }
    }

    @Test func aHangingSendmailIsStoppedAndTheMessageIsTemporary() throws {
        let scratch = try ScratchFolder()
        let sendmail = try scratch.script("sendmail", "sleep 30")
        let started = ContinuousClock.now
        #expect(throws: DeliveryError.temporary("sendmail did not finish within 1 s")) {
            try SendmailTransport(path: sendmail, timeout: 1).deliver(Envelope.sample())
        }
        #expect(ContinuousClock.now - started < .seconds(5))
    }

    @Test func aSendmailThatIgnoresSIGTERMIsKilled() throws {
        let scratch = try ScratchFolder()
        let sendmail = try scratch.script("sendmail", "trap '' TERM; while true; do sleep 0.1; done")
        let started = ContinuousClock.now
        #expect(throws: DeliveryError.temporary("sendmail did not finish within 0.5 s")) {
            try SendmailTransport(path: sendmail, timeout: 0.5).deliver(Envelope.sample())
        }
        #expect(ContinuousClock.now - started < .seconds(6))
    }

    @Test(arguments: ["/nonexistent/sendmail", "/tmp"])
    func aSendmailThatCannotRunIsMisconfigured(path: String) {
        do {
            try SendmailTransport(path: path, timeout: 10).deliver(Envelope.sample())
            Issue.record("\(path) delivered")
        } catch {
            guard case .misconfigured(let why) = error else { Issue.record("expected .misconfigured, got \(error)"); return }
            #expect(why.contains(path) && why.contains("--sendmail"))
        }
    }

    // MARK: Choosing a transport

    @Test func smtpWithoutAURLIsMisconfiguredAndNamesTheVariable() {
        do {
            _ = try TransportConfiguration.make(kind: nil, outbox: nil, sendmail: nil, environment: ["ROUNDTABLE_TRANSPORT": "smtp"])
            Issue.record("made an SMTP transport without a URL")
        } catch {
            guard case .misconfigured(let why) = error else { Issue.record("expected .misconfigured, got \(error)"); return }
            #expect(why.contains("ROUNDTABLE_SMTP_URL"))
        }
    }

    @Test(arguments: [
        (nil, [:], "OutboxTransport"),
        (nil, ["ROUNDTABLE_TRANSPORT": "sendmail"], "SendmailTransport"),
        ("outbox", ["ROUNDTABLE_TRANSPORT": "sendmail"], "OutboxTransport"),
        ("smtp", ["ROUNDTABLE_SMTP_URL": "smtps://mail.example.org"], "SMTPTransport"),
        ("smtp", ["ROUNDTABLE_SMTP_URL": "smtp://mail.example.org:587", "ROUNDTABLE_SMTP_USER": "u", "ROUNDTABLE_SMTP_PASSWORD": "p"], "SMTPTransport"),
    ] as [(String?, [String: String], String)])
    func theFlagBeatsTheEnvironmentWhichBeatsTheOutboxDefault(kind: String?, environment: [String: String], expected: String) throws {
        let transport = try TransportConfiguration.make(kind: kind, outbox: nil, sendmail: nil, environment: environment)
        #expect("\(type(of: transport))" == expected)
    }

    @Test(arguments: [
        ("mail", [:], "'mail'"),
        (nil, ["ROUNDTABLE_TRANSPORT": "mail"], "ROUNDTABLE_TRANSPORT"),
        ("smtp", ["ROUNDTABLE_SMTP_URL": "http://user:secret@mail.example.org"], "smtp://"),
        ("smtp", ["ROUNDTABLE_SMTP_URL": "smtp://m", "ROUNDTABLE_SMTP_USER": "u"], "ROUNDTABLE_SMTP_PASSWORD"),
        ("smtp", ["ROUNDTABLE_SMTP_URL": "smtp://m", "ROUNDTABLE_SMTP_PASSWORD": "secret"], "ROUNDTABLE_SMTP_USER"),
        ("smtp", ["ROUNDTABLE_SMTP_URL": "coord:secret@mail.example.org:25"], "'mail.example.org:25' must start with smtp://"),
        ("smtp", ["ROUNDTABLE_SMTP_URL": "smtp://coord:pa/ss?secret@mail.example.org"], "write them as %2F, %3F, %23 and %40"),
        ("smtp", ["ROUNDTABLE_SMTP_URL": "smtp://m", "ROUNDTABLE_SMTP_CA_FILE": "/nonexistent/ca.pem"],
         "the CA file '/nonexistent/ca.pem' (ROUNDTABLE_SMTP_CA_FILE) cannot be read: No such file or directory"),
        ("smtp", ["ROUNDTABLE_SMTP_URL": "smtp://m", "ROUNDTABLE_SMTP_CA_FILE": "/"], "the CA file '/' (ROUNDTABLE_SMTP_CA_FILE) is not a file"),
        ("sendmail", ["ROUNDTABLE_SENDMAIL_TIMEOUT": "soon"], "ROUNDTABLE_SENDMAIL_TIMEOUT"),
        ("sendmail", ["ROUNDTABLE_SENDMAIL_TIMEOUT": "-1"], "ROUNDTABLE_SENDMAIL_TIMEOUT"),
    ] as [(String?, [String: String], String)])
    func settingsThatCannotWorkAreRefusedBeforeSendingAndSayWhatToFix(kind: String?, environment: [String: String], hint: String) {
        do {
            _ = try TransportConfiguration.make(kind: kind, outbox: nil, sendmail: nil, environment: environment)
            Issue.record("made a transport from \(environment)")
        } catch {
            guard case .misconfigured(let why) = error else { Issue.record("expected .misconfigured, got \(error)"); return }
            #expect(why.contains(hint), "\(why)")
            #expect(!why.contains("secret"))
        }
    }

    @Test func deliveryErrorsReadAsSentences() {
        #expect(DeliveryError.temporary("no connection").description == "Mail could not be delivered now: no connection. The next run will try again.")
        #expect(DeliveryError.rejected(recipient: "a@b", "the server answered 550 to RCPT TO").description
            == "The mail server refused 'a@b': the server answered 550 to RCPT TO.")
        #expect(DeliveryError.misconfigured("no URL").description == "Mail is not set up correctly: no URL.")
        #expect(DeliveryError.notPermitted("the login was refused").description == "Mail is not permitted: the login was refused.")
    }
}
