/// Quoted-printable (RFC 2045 §6.7) for text bodies: mostly readable in the raw message, 7-bit
/// safe, and no line over 76 characters, whatever the text holds.
enum QuotedPrintable {
    /// Longest encoded line, soft-break `=` included.
    static let lineLength = 76

    /// `text` encoded, lines ending in CRLF. Mail text is canonically CRLF (RFC 2046 §4.1.1), so
    /// CRLF, a lone LF (as templates write) and a lone CR are all one hard line break. The body
    /// always ends in CRLF (a soft break when the text has no final line break) so that a message
    /// made of this part alone ends as SMTP and sendmail expect, without changing the text.
    static func encode(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        let lines = hardLines(Array(text.utf8))
        for (index, line) in lines.enumerated() {
            encode(line: line, into: &out)
            if index < lines.count - 1 {
                out += [13, 10]
            } else if !line.isEmpty {
                out += [UInt8(ascii: "="), 13, 10]
            }
        }
        return out
    }

    /// The text's lines without their breaks; text ending in a break has an empty last line.
    private static func hardLines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0, index = 0
        while index < bytes.count {
            guard bytes[index] == 13 || bytes[index] == 10 else {
                index += 1
                continue
            }
            lines.append(bytes[start..<index])
            index += bytes[index] == 13 && index + 1 < bytes.count && bytes[index + 1] == 10 ? 2 : 1
            start = index
        }
        lines.append(bytes[start...])
        return lines
    }

    /// One hard line, with soft breaks so no encoded line passes 76 characters. Each byte is
    /// written straight into `out`: a body is encoded once per message, thousands of times in an
    /// organisation's `remind`.
    private static func encode(line: ArraySlice<UInt8>, into out: inout [UInt8]) {
        var used = 0
        var remaining = line.count
        for byte in line {
            remaining -= 1
            let isLast = remaining == 0
            var escaped = needsEscape(byte, atEnd: isLast, atLineStart: used == 0)
            // The last token may fill the line; any other must leave room for a soft break's "=".
            if used + (escaped ? 3 : 1) > (isLast ? lineLength : lineLength - 1) {
                out += [UInt8(ascii: "="), 13, 10]
                used = 0
                escaped = needsEscape(byte, atEnd: isLast, atLineStart: true)
            }
            if escaped {
                out.append(UInt8(ascii: "="))
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
                used += 3
            } else {
                out.append(byte)
                used += 1
            }
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// Whether the byte must be written as `=XX` rather than as itself. Whitespace ending a line
    /// is encoded because transports may strip it; a "." starting a line is encoded because a
    /// line of a lone "." ends SMTP's DATA wherever a transport forgets dot-stuffing.
    private static func needsEscape(_ byte: UInt8, atEnd: Bool, atLineStart: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"):
            return atEnd
        case UInt8(ascii: "."):
            return atLineStart
        case 33...126:
            return byte == UInt8(ascii: "=")
        default:
            return true
        }
    }
}
