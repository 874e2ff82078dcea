import RoundTableCore

/// Why a message could not be rendered. Each case names the offending part of the message in
/// words, and quotes at most a short excerpt of a value, so addresses and subjects taken from the
/// schedule file do not spill whole into logs.
public enum MailError: Error, Equatable, CustomStringConvertible {
    /// A value bound for a header holds a line break or other control character (which would let data
    /// forge headers), or a header name, content type or parameter name is not a valid token.
    /// `field` names the place: "display name", "email address", "subject", "Message-ID",
    /// "'Auto-Submitted' header", "header name '…'", "content type '…'", "'method' parameter", …
    case headerInjection(field: String)
    /// The email address breaks `EmailAddress`'s rule; carries a short excerpt of it and why.
    case invalidAddress(String, reason: String)
    /// The Message-ID is not a plain ASCII `left@right`; carries a short excerpt of it.
    case invalidMessageID(String)

    /// User-facing text in the project's error voice.
    public var description: String {
        switch self {
        case .headerInjection(let field):
            return "The \(field) contains a line break or another character not allowed there in a mail header."
        case .invalidAddress(let excerpt, let reason):
            return "'\(excerpt)' is not an email address roundtable can send to: \(reason)."
        case .invalidMessageID(let excerpt):
            return "The Message-ID '\(excerpt)' is not valid: it needs the form left@right, in ASCII, "
                + "without spaces or angle brackets."
        }
    }

    /// A short, one-line excerpt of `value` for a message: the project's one rule, `Excerpt.of`.
    static func excerpt(_ value: String) -> String { Excerpt.of(value) }
}
