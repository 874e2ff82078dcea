/// A value from outside (a schedule, a reply, an environment variable) as it may appear in a
/// message: control characters written out (`\n`, `\u{1B}`) so none reaches a terminal or cron's
/// mail as a control, and a long value cut with an ellipsis so a 5 MB UID is not printed whole.
public enum Shown {
    /// `value` made safe to print, at most `limit` characters of it.
    public static func excerpt(_ value: String, limit: Int = 60) -> String {
        var out = ""
        var count = 0
        for character in value {
            guard count < limit else { return out + "…" }
            out += escaped(character)
            count += 1
        }
        return out
    }

    /// Every control character in `text` written out; nothing cut.
    public static func escaped(_ text: String) -> String {
        text.unicodeScalars.contains(where: isControl) ? text.map(escaped).joined() : text
    }

    private static func escaped(_ character: Character) -> String {
        guard character.unicodeScalars.contains(where: isControl) else { return String(character) }
        return character.unicodeScalars.map { scalar -> String in
            switch scalar {
            case "\n": return "\\n"
            case "\r": return "\\r"
            case "\t": return "\\t"
            default: return isControl(scalar) ? "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}" : String(scalar)
            }
        }.joined()
    }

    /// What may not reach a header, and the bidirectional overrides that reorder what a terminal shows.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        HeaderText.isControl(scalar) || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }
}
