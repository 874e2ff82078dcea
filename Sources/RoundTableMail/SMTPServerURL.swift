import RoundTableCore

/// `ROUNDTABLE_SMTP_URL` as roundtable reads it before libcurl does: the project's `ServerURL`
/// (which shows it without credentials), read with the user part reaching to the last `@` of the
/// whole text, since an SMTP URL has no path that could hold one, and checked for what libcurl
/// would read differently.
struct SMTPServerURL: Sendable {
    private let url: ServerURL

    /// Reads `text`; nothing is refused until `check()`.
    init(_ text: String) { url = ServerURL(text, userPart: .upToLastAt) }

    /// The text as given; this is what libcurl gets.
    var text: String { url.text }
    /// Everything between the scheme and the last `@`; nil when there is no `@`.
    var userInfo: Substring? { url.userInfo }
    /// `scheme://host:port`, never a user part, path, query or fragment.
    var shown: String { url.shown }
    /// The password of the user part, as written and percent-decoded.
    var secrets: [String] { url.secrets }

    /// true for smtps:// (TLS from the first byte), false for smtp://, nil for anything else.
    var isSecure: Bool? {
        switch url.scheme {
        case "smtps": return true
        case "smtp": return false
        default: return nil
        }
    }

    /// Refuses what libcurl cannot use or would read differently from us, before anything is
    /// sent. A `/`, `?`, `#` or `@` in the user part would make libcurl end it earlier than we do,
    /// connect to part of the password as a host, and perhaps echo that host in its error.
    func check() throws(DeliveryError) {
        guard isSecure != nil else {
            throw .misconfigured("the SMTP URL '\(shown)' must start with smtp:// or smtps:// (ROUNDTABLE_SMTP_URL)")
        }
        if let userInfo, userInfo.contains(where: { "/?#@".contains($0) }) {
            throw .misconfigured("the user part of the SMTP URL '\(shown)' holds a '/', '?', '#' or '@' (ROUNDTABLE_SMTP_URL); "
                + "write them as %2F, %3F, %23 and %40, or better, set ROUNDTABLE_SMTP_USER and ROUNDTABLE_SMTP_PASSWORD")
        }
    }
}
