/// Quoted-printable (RFC 2045 §6.7) for text bodies: readable in a raw .eml, safe through any MTA.
enum QuotedPrintable {
    /// Encodes text whose line breaks are LF or CRLF; hard breaks come out as CRLF.
    static func encode(_ text: String) -> String {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        return lines.map(encodeLine).joined(separator: "\r\n")
    }

    private static func encodeLine(_ line: Substring) -> String {
        var out: [String] = []
        var current = ""
        let bytes = Array(line.utf8)
        for (index, byte) in bytes.enumerated() {
            let isLast = index == bytes.count - 1
            let plain = (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "=")) || ((byte == 32 || byte == 9) && !isLast)
            // A leading "." or "From " could be mangled by some MTAs; encoding the first byte avoids it.
            let risky = current.isEmpty && (byte == UInt8(ascii: ".") || (byte == UInt8(ascii: "F") && bytes[index...].starts(with: Array("From ".utf8))))
            let piece = plain && !risky ? String(UnicodeScalar(byte)) : "=" + hex(byte)
            if current.count + piece.count > 75 {
                out.append(current + "=")
                current = ""
            }
            current += piece
        }
        out.append(current)
        return out.joined(separator: "\r\n")
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
    }
}
