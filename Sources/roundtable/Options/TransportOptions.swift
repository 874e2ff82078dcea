import ArgumentParser
import Foundation
import RoundTableMail

/// How the commands that send mail hand it over, and whether they only say what they would send.
struct TransportOptions: ParsableArguments {
    @Option(help: "outbox | sendmail | smtp (default: $ROUNDTABLE_TRANSPORT, else outbox). smtp sends to the server in $ROUNDTABLE_SMTP_URL (smtps://host, or smtp://host:587 for STARTTLS), logging in as $ROUNDTABLE_SMTP_USER with $ROUNDTABLE_SMTP_PASSWORD.")
    var transport: String?

    @Option(help: "Folder of .eml files for the outbox transport (default: ./outbox).")
    var outbox: String?

    @Option(help: "The sendmail program for the sendmail transport (default: /usr/sbin/sendmail).")
    var sendmail: String?

    @Flag(name: .customLong("dry-run"), help: "Print what would be sent, to whom and why; send and record nothing.")
    var dryRun = false

    /// The transport the flags and environment name (SMTP settings come only from the environment,
    /// so a password never appears in a command line or shell history).
    func run(environment: Environment = .process) throws -> SendRun {
        let made = try TransportConfiguration.make(kind: transport, outbox: outbox, sendmail: sendmail,
                                                   environment: environment.variables)
        return SendRun(transport: made, dryRun: dryRun)
    }
}
