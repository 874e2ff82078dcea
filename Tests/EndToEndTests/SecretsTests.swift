import Foundation
import Testing
import TestSupport

/// What must not leak, through the built binary: a password never crosses the wire in clear and
/// never reaches the screen, whatever the URL holds; outbox messages are not readable by others.
@Suite struct SecretsTests {
    private let workspace: Workspace

    init() throws {
        workspace = try Workspace(["ROUNDTABLE_NOW": "2012-06-01T07:00:00Z"])
    }

    /// `remind` for a day with reminders due, through SMTP set up by `smtp`.
    private func remind(_ smtp: [String: String]) throws -> Run {
        try workspace.rt(["remind", "--as-of", "2012-03-02", "--transport", "smtp"], smtp)
    }

    @Test func aLoginGoesOverSTARTTLSAndAWrongPasswordExits77WithoutBeingShown() throws {
        let sink = try SMTPSink(["--tls", "--auth", "coord:right-secret-42"])
        let smtp = ["ROUNDTABLE_SMTP_URL": sink.url, "ROUNDTABLE_SMTP_USER": "coord", "ROUNDTABLE_SMTP_CA_FILE": sink.certificate]

        let wrong = try remind(smtp.merging(["ROUNDTABLE_SMTP_PASSWORD": "wrong-secret-123"]) { $1 })
        #expect(wrong.status == 77, "\(wrong.stderr)")
        #expect(wrong.stderr == "roundtable: error: Mail is not permitted: the SMTP server at '\(sink.url)' refused the login; "
            + "check ROUNDTABLE_SMTP_USER and ROUNDTABLE_SMTP_PASSWORD.\n")
        #expect(!(wrong.stdout + wrong.stderr).contains("wrong-secret-123"))
        #expect(try sink.messages().isEmpty)

        let right = try remind(smtp.merging(["ROUNDTABLE_SMTP_PASSWORD": "right-secret-42"]) { $1 })
        #expect(right.status == 0, "\(right.stderr)")
        let sent = right.stdout.split(separator: "\n").filter { $0.hasPrefix("sent: ") }
        #expect(!sent.isEmpty)
        #expect(try sink.messages().count == sent.count)
        #expect(!(right.stdout + right.stderr).contains("right-secret-42"))
        #expect(try sink.commands().prefix(4) == ["EHLO", "STARTTLS", "EHLO", "AUTH"])
    }

    @Test func aServerWithoutSTARTTLSNeverSeesTheLoginAndTheRunExits69() throws {
        let sink = try SMTPSink(["--auth", "coord:right-secret-42"])
        let run = try remind(["ROUNDTABLE_SMTP_URL": sink.url, "ROUNDTABLE_SMTP_USER": "coord", "ROUNDTABLE_SMTP_PASSWORD": "right-secret-42"])
        #expect(run.status == 69, "\(run.stderr)")
        #expect(run.stderr.hasPrefix("roundtable: error: Mail is not set up correctly: TLS is required to log in, "
            + "and the SMTP server at '\(sink.url)' did not start it"), "\(run.stderr)")
        #expect(!(run.stdout + run.stderr).contains("right-secret-42"))
        #expect(!run.stdout.contains("sent: "))
        let commands = try sink.commands()
        #expect(commands.contains("EHLO"))
        #expect(!commands.contains("AUTH"), "\(commands)")
        #expect(try sink.messages().isEmpty)
    }

    @Test(arguments: [
        "smtp://coord:pa/ss-secret-42@127.0.0.1:1",
        "smtp://coord:pa?ss#secret-42@127.0.0.1:1",
        "coord:pa/ss-secret-42@127.0.0.1:1",
        "smtp://coord:secret-42",
    ])
    func aPasswordInTheURLIsNeverShownWhateverItHolds(url: String) throws {
        let run = try remind(["ROUNDTABLE_SMTP_URL": url])
        #expect(run.status == 69, "\(run.stderr)")
        #expect(run.stderr.contains("ROUNDTABLE_SMTP_URL"), "\(run.stderr)")
        #expect(!(run.stdout + run.stderr).contains("secret-42"), "\(run.stderr)")
        #expect(!(run.stdout + run.stderr).contains("pa/ss"), "\(run.stderr)")
    }

    @Test func aCAFileThatCannotBeReadIsNamedBeforeAnythingIsSent() throws {
        let missing = workspace.folder.appendingPathComponent("no-such-ca.pem").path
        let run = try remind(["ROUNDTABLE_SMTP_URL": "smtp://127.0.0.1:1", "ROUNDTABLE_SMTP_CA_FILE": missing])
        #expect(run.status == 69)
        #expect(run.stderr == "roundtable: error: Mail is not set up correctly: the CA file '\(missing)' "
            + "(ROUNDTABLE_SMTP_CA_FILE) cannot be read: No such file or directory.\n")
    }

    @Test func outboxMessagesAreReadableByTheirOwnerOnlyWhateverTheUmask() throws {
        let outbox = workspace.folder.appendingPathComponent("outbox")
        let run = try roundtable(["remind", "--as-of", "2012-03-02", "--outbox", outbox.path], environment: workspace.env,
                                 wrapper: ["/bin/sh", "-c", "umask 000 && exec \"$@\"", "sh"])
        #expect(run.status == 0, "\(run.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: outbox.path)
        #expect(!files.isEmpty)
        for file in files {
            let attributes = try FileManager.default.attributesOfItem(atPath: outbox.appendingPathComponent(file).path)
            #expect(attributes[.posixPermissions] as? Int == 0o600, "\(file)")
        }
    }
}
