import CCurl
import Foundation

/// Chooses the transport from flags and the environment, as DESIGN.md's Email section says, so
/// every command that sends agrees on the choice and on the words of its errors.
public enum TransportConfiguration {
    /// `kind` is outbox | sendmail | smtp (the `--transport` flag, else `ROUNDTABLE_TRANSPORT`,
    /// else outbox); `outbox` and `sendmail` are the `--outbox` and `--sendmail` flags.
    ///
    /// SMTP's URL and credentials come only from the environment (`ROUNDTABLE_SMTP_URL`,
    /// `ROUNDTABLE_SMTP_USER`, `ROUNDTABLE_SMTP_PASSWORD`, and `ROUNDTABLE_SMTP_CA_FILE` for a
    /// private CA), never from arguments a `ps` would show; `ROUNDTABLE_SENDMAIL_TIMEOUT`
    /// (seconds, default 60) bounds a sendmail that hangs. Settings that cannot work are refused
    /// here, before anything is sent.
    public static func make(kind: String?, outbox: String?, sendmail: String?,
                            environment: [String: String]) throws(DeliveryError) -> any Transport {
        let chosen = kind ?? environment["ROUNDTABLE_TRANSPORT"].flatMap { $0.isEmpty ? nil : $0 } ?? "outbox"
        switch chosen {
        case "outbox":
            return OutboxTransport(directory: outbox ?? "./outbox")
        case "sendmail":
            return SendmailTransport(path: sendmail ?? "/usr/sbin/sendmail", timeout: try sendmailTimeout(environment))
        case "smtp":
            return try smtp(environment)
        default:
            throw .misconfigured("unknown transport '\(chosen)' (from \(kind == nil ? "ROUNDTABLE_TRANSPORT" : "--transport")); use outbox, sendmail or smtp")
        }
    }

    /// How long a sendmail may take before it is stopped; a value that is not a positive number
    /// is refused rather than read as "no limit" or "no time".
    private static func sendmailTimeout(_ environment: [String: String]) throws(DeliveryError) -> Double {
        guard let text = environment["ROUNDTABLE_SENDMAIL_TIMEOUT"], !text.isEmpty else { return 60 }
        guard let seconds = Double(text), seconds > 0, seconds.isFinite else {
            throw .misconfigured("ROUNDTABLE_SENDMAIL_TIMEOUT must be a number of seconds above 0, not '\(MailError.excerpt(text))'")
        }
        return seconds
    }

    /// A user without a password (or the reverse) is refused here: the server would only say
    /// "login refused" later, after the run had started.
    private static func smtp(_ environment: [String: String]) throws(DeliveryError) -> SMTPTransport {
        guard let url = environment["ROUNDTABLE_SMTP_URL"], !url.isEmpty else {
            throw .misconfigured("the smtp transport needs ROUNDTABLE_SMTP_URL (e.g. smtp://mail.example.org:587)")
        }
        try SMTPServerURL(url).check()
        let user = environment["ROUNDTABLE_SMTP_USER"].flatMap { $0.isEmpty ? nil : $0 }
        let password = environment["ROUNDTABLE_SMTP_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
        switch (user, password) {
        case (nil, _?):
            throw .misconfigured("ROUNDTABLE_SMTP_PASSWORD is set but ROUNDTABLE_SMTP_USER is not; set both or neither")
        case (_?, nil):
            throw .misconfigured("ROUNDTABLE_SMTP_USER is set but ROUNDTABLE_SMTP_PASSWORD is not; set both or neither")
        default:
            return SMTPTransport(url: url, user: user, password: password, caFile: try caFile(environment))
        }
    }

    /// `ROUNDTABLE_SMTP_CA_FILE`, opened once here: libcurl reads it only when TLS starts, so a
    /// wrong path would otherwise show up as a certificate error at the first message, or never
    /// (a server without STARTTLS and no login), instead of naming the file.
    private static func caFile(_ environment: [String: String]) throws(DeliveryError) -> String? {
        guard let path = environment["ROUNDTABLE_SMTP_CA_FILE"], !path.isEmpty else { return nil }
        switch rt_ca_file_problem(path) {
        case 0: return path
        case -1: throw .misconfigured("the CA file '\(path)' (ROUNDTABLE_SMTP_CA_FILE) is not a file")
        case let error: throw .misconfigured("the CA file '\(path)' (ROUNDTABLE_SMTP_CA_FILE) cannot be read: \(String(cString: strerror(error)))")
        }
    }
}
