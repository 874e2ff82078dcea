/// Which text may reach an email header: the one rule `check`, the records and the mail layer share.
///
/// C0 and C1 controls (CR, LF, TAB, NEL among them), DEL and Unicode's line and paragraph
/// separators are refused: some reader or other ends a line at each of them, so in a header any
/// could start a forged field (`Bcc:`). Everything else is carried, encoded where not ASCII.
public enum HeaderText {
    /// Whether `scalar` must never reach a header.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        // ASCII's controls are 0-31 and 127: answered without Unicode's tables, for every
        // character of every header of every message.
        if scalar.isASCII { return scalar.value < 0x20 || scalar.value == 0x7F }
        return scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}"
    }

    /// The first character of `text` that must never reach a header, if any.
    ///
    /// Every refused character is written in UTF-8 starting with a byte below 0x20, 0x7F, 0xC2
    /// (the C1 controls) or 0xE2 (U+2028, U+2029): text with none of those bytes, nearly every
    /// name and subject, is passed over a byte at a time without decoding a single character.
    public static func firstControl(in text: String) -> Unicode.Scalar? {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }) else { return nil }
        return text.unicodeScalars.first(where: isControl)
    }

    /// How a refused character is named in a message: "a line break", "a tab", "U+2028".
    public static func describe(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}", "\u{0B}", "\u{0C}": return "a line break"
        case "\t": return "a tab"
        default: return "the control character U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
        }
    }

    /// `text` on one line: each run of refused characters becomes one space. For text recorded
    /// before the rule (an old action text) that must still fit in a Subject.
    public static func oneLine(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var lastWasControl = false
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                if !lastWasControl { out.append(" ") }
                lastWasControl = true
            } else {
                out.append(scalar)
                lastWasControl = false
            }
        }
        return String(out)
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
