import Foundation

/// `ROUNDTABLE_SMTP_URL` as roundtable reads it before libcurl does: enough to check it, to know
/// whether it carries credentials, and to show it without them.
///
/// The parse is coarser than RFC 3986 on purpose. The user part is everything between the scheme
/// and the *last* `@` of the whole text, even past a `/`, `?` or `#`: a password may hold them,
/// and a strict parse would end the authority there and take the rest of the password for a
/// path. A text without a scheme is read the same way. What is shown keeps only the scheme, the
/// host and a numeric port, so whatever the text holds, no piece of a secret reaches a message
/// by being mistaken for something else: when in doubt, more is hidden.
struct SMTPServerURL: Sendable {
    /// The text as given; this is what libcurl gets.
    let text: String
    /// The scheme, lowercased; nil when the text does not start with `scheme://`.
    let scheme: String?
    /// Everything between the scheme and the last `@`; nil when there is no `@`.
    let userInfo: Substring?
    /// What follows the user part, up to the first `/`, `?` or `#`.
    private let hostAndPort: Substring

    init(_ text: String) {
        self.text = text
        var rest = Substring(text)
        if let separator = text.range(of: "://"), Self.isScheme(text[..<separator.lowerBound]) {
            scheme = text[..<separator.lowerBound].lowercased()
            rest = text[separator.upperBound...]
        } else {
            scheme = nil
        }
        if let at = rest.lastIndex(of: "@") {
            userInfo = rest[..<at]
            rest = rest[rest.index(after: at)...]
        } else {
            userInfo = nil
        }
        hostAndPort = rest.prefix { !"/?#".contains($0) }
    }

    /// true for smtps:// (TLS from the first byte), false for smtp://, nil for anything else.
    var isSecure: Bool? {
        switch scheme {
        case "smtps": return true
        case "smtp": return false
        default: return nil
        }
    }

    /// `scheme://host:port`, never a user part, path, query or fragment. A port that is not a
    /// number is hidden too: in `smtp://user:secret` (a URL that lost its host) it is a password.
    var shown: String {
        let prefix = scheme.map { "\($0)://" } ?? ""
        let portStart = hostAndPort.hasPrefix("[")
            ? hostAndPort.firstIndex(of: "]").flatMap { hostAndPort[$0...].firstIndex(of: ":") }
            : hostAndPort.lastIndex(of: ":")
        guard let portStart else { return prefix + hostAndPort }
        let port = hostAndPort[hostAndPort.index(after: portStart)...]
        return prefix + (port.allSatisfy { $0.isASCII && $0.isNumber } ? hostAndPort : hostAndPort[...portStart] + "…")
    }

    /// The password of the user part, as written and percent-decoded: libcurl's messages are
    /// searched for both before they are shown.
    var secrets: [String] {
        guard let password = userInfo?.split(separator: ":", maxSplits: 1).dropFirst().first else { return [] }
        return [String(password), password.removingPercentEncoding].compactMap { $0 }.filter { !$0.isEmpty }
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

    /// RFC 3986's `ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )`: so a user part holding `://`
    /// in a URL without a scheme is not taken for one (and shown).
    private static func isScheme(_ text: Substring) -> Bool {
        guard let first = text.first, first.isASCII, first.isLetter else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    }
}
