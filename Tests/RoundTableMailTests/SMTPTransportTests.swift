import Foundation
import Testing
import TestSupport
@testable import RoundTableMail

/// The SMTP transport (libcurl) against a real SMTP server, aiosmtpd, run by Support/smtp_sink.py.
@Suite struct SMTPTransportTests {
    @Test func theMessageArrivesByteForByteWithItsEnvelope() throws {
        let sink = try SMTPSink()
        // A line holding a lone dot, lines starting with dots, and 8-bit text all survive SMTP's
        // dot-stuffing and arrive as sent.
        let message = Envelope.sample(body: "Line one\r\n.\r\n..two dots\r\n.leading\r\nCaf\u{E9} \u{2014} na\u{EF}ve")
        try SMTPTransport(url: sink.url, user: nil, password: nil, timeout: 5).deliver(message)
        let received = try sink.received()
        try #require(received.count == 1)
        #expect(received[0].data == message.data)
        #expect(received[0].from == "coord@ajc.example.org")
        #expect(received[0].to == ["zoe@consult.example.org"])
    }

    @Test func aLoginGoesOverSTARTTLSToAServerTrustedThroughTheCAFile() throws {
        let sink = try SMTPSink(["--tls", "--auth", "coord:right-secret"])
        try SMTPTransport(url: sink.url, user: "coord", password: "right-secret", caFile: sink.certificate, timeout: 5)
            .deliver(Envelope.sample())
        #expect(try sink.received().count == 1)
        #expect(try sink.commands().prefix(4) == ["EHLO", "STARTTLS", "EHLO", "AUTH"])
    }

    @Test func aLoginGoesOverImplicitTLSOnSMTPS() throws {
        let sink = try SMTPSink(["--implicit-tls", "--auth", "coord:right-secret"])
        try SMTPTransport(url: sink.url, user: "coord", password: "right-secret", caFile: sink.certificate, timeout: 5)
            .deliver(Envelope.sample())
        #expect(try sink.received().count == 1)
    }

    @Test func withoutALoginSTARTTLSIsStillUsedWhenOffered() throws {
        let sink = try SMTPSink(["--tls"])
        try SMTPTransport(url: sink.url, user: nil, password: nil, caFile: sink.certificate, timeout: 5).deliver(Envelope.sample())
        #expect(try sink.received().count == 1)
        #expect(try sink.commands().contains("STARTTLS"))
    }

    /// The credentials come from ROUNDTABLE_SMTP_USER and _PASSWORD, or from the URL itself.
    @Test(arguments: [("coord", "right-secret", ""), (nil, nil, "coord:right-secret@")] as [(String?, String?, String)])
    func aServerWithoutSTARTTLSNeverReceivesTheLogin(user: String?, password: String?, userInfo: String) throws {
        let sink = try SMTPSink(["--auth", "coord:right-secret"])
        let url = "smtp://\(userInfo)127.0.0.1:\(sink.port)"
        do {
            try SMTPTransport(url: url, user: user, password: password, timeout: 5).deliver(Envelope.sample())
            Issue.record("logged in without TLS")
        } catch {
            guard case .misconfigured(let why) = error else { Issue.record("expected .misconfigured, got \(error)"); return }
            #expect(why.hasPrefix("TLS is required to log in, and the SMTP server at '\(sink.url)' did not start it"), "\(why)")
            #expect(!why.contains("right-secret"))
        }
        let commands = try sink.commands()
        #expect(commands.contains("EHLO"))
        #expect(!commands.contains("AUTH"), "\(commands)")
        #expect(try sink.received().isEmpty)
    }

    /// A self-signed certificate is trusted by neither the system's CAs nor another server's.
    @Test(arguments: [false, true])
    func aCertificateNoTrustedCAVouchesForIsRefusedBeforeTheLogin(withAnotherCAFile: Bool) throws {
        let sink = try SMTPSink(["--tls", "--auth", "coord:right-secret"])
        let stranger = withAnotherCAFile ? try SMTPSink(["--tls"]) : nil
        let transport = SMTPTransport(url: sink.url, user: "coord", password: "right-secret",
                                      caFile: stranger?.certificate, timeout: 5)
        do {
            try transport.deliver(Envelope.sample())
            Issue.record("trusted a certificate no CA vouches for")
        } catch {
            guard case .misconfigured(let why) = error else { Issue.record("expected .misconfigured, got \(error)"); return }
            #expect(why.hasPrefix("the certificate of the SMTP server at '\(sink.url)' is not trusted"), "\(why)")
            #expect(why.contains("ROUNDTABLE_SMTP_CA_FILE"))
        }
        #expect(!(try sink.commands().contains("AUTH")))
        #expect(try sink.received().isEmpty)
    }

    @Test func aTrustedCertificateForAnotherNameIsRefused() throws {
        let sink = try SMTPSink(["--tls"])
        let transport = SMTPTransport(url: "smtp://localhost:\(sink.port)", user: nil, password: nil, caFile: sink.certificate, timeout: 5)
        do {
            try transport.deliver(Envelope.sample())
            Issue.record("trusted a certificate for 127.0.0.1 at localhost")
        } catch {
            guard case .misconfigured(let why) = error else { Issue.record("expected .misconfigured, got \(error)"); return }
            #expect(why.hasPrefix("the certificate of the SMTP server at 'smtp://localhost:\(sink.port)' is not trusted"), "\(why)")
        }
        #expect(try sink.received().isEmpty)
    }

    /// A CA file that is missing (nil) or holds `content`.
    @Test(arguments: [nil, "not a certificate\n"] as [String?])
    func aCAFileLibcurlCannotUseIsNamed(content: String?) throws {
        let sink = try SMTPSink(["--tls"])
        let caFile = sink.folder.appendingPathComponent("ca.pem").path
        try content?.write(toFile: caFile, atomically: true, encoding: .utf8)
        do {
            try SMTPTransport(url: sink.url, user: nil, password: nil, caFile: caFile, timeout: 5).deliver(Envelope.sample())
            Issue.record("delivered with the CA file \(caFile)")
        } catch {
            guard case .misconfigured(let why) = error else { Issue.record("expected .misconfigured, got \(error)"); return }
            #expect(why.hasPrefix("the CA file '\(caFile)' (ROUNDTABLE_SMTP_CA_FILE) cannot be used to check the SMTP server at '\(sink.url)'"),
                    "\(why)")
        }
        #expect(try sink.received().isEmpty)
    }

    @Test func aWrongPasswordIsNotPermittedAndNeverShown() throws {
        let sink = try SMTPSink(["--tls", "--auth", "coord:right-secret"])
        let transport = SMTPTransport(url: sink.url, user: "coord", password: "wrong-secret-123", caFile: sink.certificate, timeout: 5)
        #expect(throws: DeliveryError.notPermitted(
            "the SMTP server at '\(sink.url)' refused the login; check ROUNDTABLE_SMTP_USER and ROUNDTABLE_SMTP_PASSWORD")) {
            try transport.deliver(Envelope.sample())
        }
        #expect(try sink.received().isEmpty)
    }

    @Test func printingOrDumpingTheTransportShowsNeitherPasswordNorUserPartOfTheURL() {
        let transport = SMTPTransport(url: "smtps://coord:url-secret@mail.example.org:465/", user: "coord",
                                      password: "field-secret", timeout: 5)
        var dumped = ""
        dump(transport, to: &dumped)
        for text in [String(describing: transport), String(reflecting: transport), dumped] {
            #expect(!text.contains("secret"), "\(text)")
            #expect(text.contains("smtps://mail.example.org:465"), "\(text)")
        }
    }

    @Test func aServerThatWantsALoginWhenNoneIsSetIsMisconfigured() throws {
        let sink = try SMTPSink(["--auth", "coord:right-secret"])
        #expect(throws: DeliveryError.misconfigured(
            "the SMTP server at '\(sink.url)' wants a login; set ROUNDTABLE_SMTP_USER and ROUNDTABLE_SMTP_PASSWORD")) {
            try SMTPTransport(url: sink.url, user: nil, password: nil, timeout: 5).deliver(Envelope.sample())
        }
    }

    @Test func a451ForTheRecipientIsTemporary() throws {
        let sink = try SMTPSink(["--tempfail"])
        do {
            try SMTPTransport(url: sink.url, user: nil, password: nil, timeout: 5).deliver(Envelope.sample())
            Issue.record("delivered despite 451")
        } catch {
            guard case .temporary(let why) = error else { Issue.record("expected .temporary, got \(error)"); return }
            #expect(why.contains("451"))
        }
        #expect(try sink.received().isEmpty)
    }

    @Test func nothingListeningIsTemporaryAndTheURLIsShownWithoutItsUserPart() throws {
        let port = try unusedPort()
        do {
            try SMTPTransport(url: "smtp://coord:url-secret@127.0.0.1:\(port)", user: nil, password: nil, timeout: 5)
                .deliver(Envelope.sample())
            Issue.record("delivered to a closed port")
        } catch {
            guard case .temporary(let why) = error else { Issue.record("expected .temporary, got \(error)"); return }
            #expect(why.contains("smtp://127.0.0.1:\(port)"), "\(why)")
            #expect(!why.contains("url-secret"))
        }
    }

    @Test func aServerThatNeverAnswersIsTemporaryWithinTheTimeout() throws {
        let sink = try SMTPSink(["--hang"])
        let started = ContinuousClock.now
        do {
            try SMTPTransport(url: sink.url, user: nil, password: nil, timeout: 1).deliver(Envelope.sample())
            Issue.record("delivered to a silent server")
        } catch {
            guard case .temporary = error else { Issue.record("expected .temporary, got \(error)"); return }
        }
        #expect(ContinuousClock.now - started < .seconds(6))
    }

    @Test func a550ForTheOnlyRecipientRejectsThatRecipient() throws {
        let sink = try SMTPSink(["--fail-rcpt", "zoe@consult.example.org"])
        #expect(throws: DeliveryError.rejected(recipient: "zoe@consult.example.org", "the server answered 550 to RCPT TO")) {
            try SMTPTransport(url: sink.url, user: nil, password: nil, timeout: 5).deliver(Envelope.sample())
        }
        #expect(try sink.received().isEmpty)
    }

    @Test func aRefusedRecipientDoesNotKeepTheMessageFromTheOthers() throws {
        let sink = try SMTPSink(["--fail-rcpt", "gone@consult.example.org"])
        let message = Envelope.sample(to: ["gone@consult.example.org", "zoe@consult.example.org"])
        #expect(throws: DeliveryError.rejected(recipient: "gone@consult.example.org", "the server answered 550 to RCPT TO")) {
            try SMTPTransport(url: sink.url, user: nil, password: nil, timeout: 5).deliver(message)
        }
        let received = try sink.received()
        try #require(received.count == 1)
        #expect(received[0].to == ["zoe@consult.example.org"])
        #expect(received[0].data == message.data)
    }

    @Test func aMessageRefusedAfterItsDataIsRejected() throws {
        let sink = try SMTPSink(["--fail-data"])
        #expect(throws: DeliveryError.rejected(recipient: "zoe@consult.example.org", "the server answered 554 to the message")) {
            try SMTPTransport(url: sink.url, user: nil, password: nil, timeout: 5).deliver(Envelope.sample())
        }
    }

    @Test func aRefusedSenderIsMisconfigured() throws {
        let sink = try SMTPSink(["--fail-sender"])
        #expect(throws: DeliveryError.misconfigured("the SMTP server at '\(sink.url)' refused the sender with 550")) {
            try SMTPTransport(url: sink.url, user: nil, password: nil, timeout: 5).deliver(Envelope.sample())
        }
    }

    @Test(arguments: ["http://mail.example.org", "mail.example.org:25", "smtp://[::1", "coord:pa/ss-secret@mail.example.org:25",
                      "smtp://coord:pa/ss-secret@mail.example.org:25", "smtp://coord:pa#ss-secret@mail.example.org"])
    func aURLThatCannotBeUsedIsMisconfiguredAndShownWithoutItsUserPart(url: String) {
        do {
            try SMTPTransport(url: url, user: nil, password: nil, timeout: 1).deliver(Envelope.sample())
            Issue.record("delivered to \(url)")
        } catch {
            guard case .misconfigured(let why) = error else { Issue.record("expected .misconfigured, got \(error)"); return }
            #expect(why.contains("ROUNDTABLE_SMTP_URL"))
            #expect(!why.contains("coord") && !why.contains("secret"), "\(why)")
        }
    }

    @Test func anAddressThatWouldBreakTheSMTPCommandIsNeverSent() throws {
        let sink = try SMTPSink()
        let forged = Envelope(sender: "coord@ajc.example.org", recipients: ["x@y>\r\nRCPT TO:<victim@z"],
                              messageID: "m@x", data: Envelope.sample().data)
        #expect(throws: DeliveryError.self) {
            try SMTPTransport(url: sink.url, user: nil, password: nil, timeout: 5).deliver(forged)
        }
        #expect(try sink.received().isEmpty)
    }
}
