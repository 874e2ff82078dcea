import Foundation
import RoundTableCore

/// One mailbox: who a message is from or to. Validated when made, so a bad address from the
/// schedule file is reported where it is read rather than when a message is half sent.
public struct Address: Hashable, Sendable {
    /// The display name; may be any text without control characters (encoded when written).
    public let name: String
    /// The addr-spec, `local@domain`, in ASCII (no SMTPUTF8, so every server can carry it).
    public let email: String

    /// Throws `.headerInjection` when either part holds a line break or other control character,
    /// and `.invalidAddress` when `email` breaks `EmailAddress`'s rule (the one `check` applies).
    public init(name: String, email: String) throws(MailError) {
        if HeaderEncoding.containsControl(name) { throw .headerInjection(field: "display name") }
        if HeaderEncoding.containsControl(email) { throw .headerInjection(field: "email address") }
        if let reason = EmailAddress.problem(in: email) { throw .invalidAddress(MailError.excerpt(email), reason: reason) }
        self.name = name
        self.email = email
    }
}

extension Address {
    /// The whole header field, e.g. `From: "Lee, Sam" <sam@example.org>`. The name is written as
    /// words when it is plain, as a quoted string when it has specials such as `,` or `.`, and as
    /// encoded words when it is not ASCII, looks like an encoded word, or would not fit one line
    /// (a quoted string cannot be folded safely).
    func headerField(_ fieldName: String) -> String {
        guard !name.isEmpty else { return HeaderEncoding.field(fieldName, [email]) }
        let angle = " <\(email)>"
        if let phrase = asciiPhrase {
            let folded = HeaderEncoding.field(fieldName, phrase)
            if HeaderEncoding.fits(folded, within: HeaderEncoding.preferredLineLength) {
                return HeaderEncoding.field(fieldName, phrase + [angle])
            }
        }
        let words = HeaderEncoding.encodedWords(name, afterOctets: fieldName.utf8.count + 2)
        return HeaderEncoding.field(fieldName, words + [angle])
    }

    /// The name as atoms (foldable at its spaces) or as one quoted string; nil when only encoded
    /// words will carry it exactly.
    private var asciiPhrase: [String]? {
        guard HeaderEncoding.isASCII(name), !HeaderEncoding.holdsEncodedWordStart(name) else { return nil }
        let words = name.split(separator: " ", omittingEmptySubsequences: false)
        if words.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy(EmailAddress.isAtext) }) {
            return words.enumerated().map { index, word in (index == 0 ? "" : " ") + word }
        }
        let escaped = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return ["\"" + escaped + "\""]
    }
}
