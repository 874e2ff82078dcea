/// How a value that came from outside (a reply's UID or ATTENDEE, an address, a header) is
/// quoted in a message: on one line, short, and with nothing a terminal would act on.
///
/// Messages reach terminals and cron's mail. A value quoted raw could carry an escape sequence
/// (ESC [ … that rewrites the screen) or a line break that forges a second line, and a 5 MB UID
/// would be printed whole. Every such value goes through this one function.
public enum Excerpt {
    /// The longest excerpt, in Unicode scalars, ellipsis included, unless a caller asks otherwise.
    public static let defaultLimit = 32

    /// `value` with control characters escaped (`\n`, `\r`, `\t`, else `\u{1B}`), cut to at most
    /// `limit` scalars with "…" as the last when it was longer. Only as much of `value` as the
    /// excerpt needs is read.
    public static func of(_ value: String, limit: Int = defaultLimit) -> String {
        var out = "", used = 0
        var rest = value.unicodeScalars[...]
        while let scalar = rest.popFirst() {
            let shown = isShownEscaped(scalar) ? escaped(scalar) : String(scalar)
            let width = shown.unicodeScalars.count
            // The last piece may fill the excerpt; any other must leave room for the ellipsis.
            guard used + width <= (rest.isEmpty ? limit : limit - 1) else { return out + "…" }
            out += shown
            used += width
        }
        return out
    }

    /// All of `text` with its control characters escaped as `of` does, nothing cut: for a
    /// message of our own that quotes values (a diagnostic), which must stay one line.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isShownEscaped) else { return text }
        return text.unicodeScalars.map { isShownEscaped($0) ? escaped($0) : String($0) }.joined()
    }

    /// What may not reach a header, and the bidirectional overrides that reorder what a terminal shows.
    private static func isShownEscaped(_ scalar: Unicode.Scalar) -> Bool {
        HeaderText.isControl(scalar) || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    private static func escaped(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        default: return "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        }
    }
}
