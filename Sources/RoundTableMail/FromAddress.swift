/// The address of the one mailbox an email's From: field names (RFC 5322 §3.4), for the rule
/// that a reply is believed only from the attendee it answers for.
///
/// Only the addr-spec matters, never the display name, so a display name is skipped however it
/// is written: quoted (`"Patel, Sam" <sam@…>`, in which `<`, `,` and `@` mean nothing), as RFC
/// 2047 encoded words (`=?UTF-8?B?…?=`, whose decoded text is never read, so an address hidden
/// in it cannot pass for the sender), or as a comment (`sam@… (Sam Patel)`). Anything that does
/// not read as exactly one mailbox (two addresses, two angle-addrs, a phrase with no address,
/// an unclosed quote) gives no address, and the reply is then refused rather than guessed at.
enum FromAddress {
    /// The addr-spec of the single mailbox in the (unfolded) field value; nil when there is not
    /// exactly one that holds an `@`.
    static func address(in value: String) -> String? {
        var reader = Reader(Array(value.unicodeScalars))
        return reader.mailboxes().flatMap { $0.count == 1 && $0[0].contains("@") ? $0[0] : nil }
    }

    private struct Reader {
        private let scalars: [Unicode.Scalar]
        private var index = 0

        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

        /// Every mailbox's address in a mailbox-list (or a group), or nil when it cannot be read.
        mutating func mailboxes() -> [String]? {
            var found: [String] = []
            var words: [String] = [], word = ""
            var angle: String?
            func finish() -> Bool {
                if !word.isEmpty { words.append(word) }
                defer { words = []; word = ""; angle = nil }
                if let angle { found.append(angle); return true }
                // Without <…>, the mailbox is a bare addr-spec: one word. Several are a display name with no address.
                if words.count > 1 { return false }
                if let only = words.first { found.append(only) }
                return true
            }
            while index < scalars.count {
                let scalar = scalars[index]
                index += 1
                switch scalar {
                case "(":
                    guard skipComment() else { return nil }
                case "\"":
                    guard let quoted = quotedString() else { return nil }
                    word += "\"" + quoted + "\""
                case "<":
                    guard angle == nil, let inside = angleAddress() else { return nil }
                    angle = inside
                case ",", ";":
                    guard finish() else { return nil }
                case ":":
                    // A group's name ("Team: a@x, b@y;"): what came before is not a mailbox.
                    words = []
                    word = ""
                case " ", "\t", "\r", "\n":
                    if !word.isEmpty { words.append(word) }
                    word = ""
                default:
                    word.unicodeScalars.append(scalar)
                }
            }
            return finish() ? found : nil
        }

        /// Skips a comment, nested ones and quoted pairs included; false when it never closes.
        private mutating func skipComment() -> Bool {
            var depth = 1
            while index < scalars.count {
                let scalar = scalars[index]
                index += 1
                switch scalar {
                case "\\": index += 1
                case "(": depth += 1
                case ")":
                    depth -= 1
                    if depth == 0 { return true }
                default: break
                }
            }
            return false
        }

        /// The text of a quoted string, its quoted pairs undone; nil when it never closes.
        private mutating func quotedString() -> String? {
            var text = String.UnicodeScalarView()
            while index < scalars.count {
                let scalar = scalars[index]
                index += 1
                switch scalar {
                case "\\":
                    guard index < scalars.count else { return nil }
                    text.append(scalars[index])
                    index += 1
                case "\"":
                    return String(text)
                default:
                    text.append(scalar)
                }
            }
            return nil
        }

        /// The addr-spec inside `<…>`, without an obsolete route (`<@relay:sam@…>`) or spaces;
        /// nil when it never closes or is empty.
        private mutating func angleAddress() -> String? {
            var text = String.UnicodeScalarView()
            while index < scalars.count {
                let scalar = scalars[index]
                index += 1
                switch scalar {
                case ">":
                    let address = String(String(text).split(separator: ":").last ?? "")
                    return address.isEmpty ? nil : address
                case "(":
                    guard skipComment() else { return nil }
                case " ", "\t", "\r", "\n":
                    continue
                default:
                    text.append(scalar)
                }
            }
            return nil
        }
    }
}
