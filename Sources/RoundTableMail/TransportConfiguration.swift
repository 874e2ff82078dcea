/// Chooses the transport from flags and the environment, as DESIGN.md's Email section says.
public enum TransportConfiguration {
    /// `kind` is outbox | sendmail | smtp (else `ROUNDTABLE_TRANSPORT`, else outbox). SMTP's URL
    /// and credentials come only from the environment, never from arguments a `ps` would show;
    /// `ROUNDTABLE_SENDMAIL_TIMEOUT` (seconds, default 60) bounds a sendmail that hangs.
    public static func make(kind: String?, outbox: String?, sendmail: String?,
                            environment: [String: String]) throws(DeliveryError) -> any Transport {
        let chosen = kind ?? environment["ROUNDTABLE_TRANSPORT"].flatMap { $0.isEmpty ? nil : $0 } ?? "outbox"
        switch chosen {
        case "outbox":
            return OutboxTransport(directory: outbox ?? "outbox")
        case "sendmail":
            let timeout = environment["ROUNDTABLE_SENDMAIL_TIMEOUT"].flatMap(Double.init) ?? 60
            return SendmailTransport(path: sendmail ?? "/usr/sbin/sendmail", timeout: timeout)
        case "smtp":
            guard let url = environment["ROUNDTABLE_SMTP_URL"], !url.isEmpty else {
                throw .misconfigured("the smtp transport needs ROUNDTABLE_SMTP_URL (e.g. smtp://mail.example.org:587)")
            }
            return SMTPTransport(url: url, user: environment["ROUNDTABLE_SMTP_USER"], password: environment["ROUNDTABLE_SMTP_PASSWORD"])
        default:
            throw .misconfigured("unknown transport '\(chosen)'; use outbox, sendmail or smtp")
        }
    }
}
