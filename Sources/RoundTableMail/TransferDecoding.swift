/// The Content-Transfer-Encodings of RFC 2045 §6, decoded for a part of a received email.
///
/// Each decoder reads its input once and writes at most as many bytes as it reads, so a 16 MiB
/// body decodes in linear time into at most 16 MiB, whatever it holds (a body made of nothing
/// but soft line breaks, a base64 body with whitespace between every character).
enum TransferDecoding {
    /// `body` decoded as `encoding` says (its name in any case); 7bit, 8bit, binary and names
    /// not known are taken as they are.
    static func decode(_ body: ArraySlice<UInt8>, encoding: String) -> [UInt8] {
        switch encoding.lowercased() {
        case "base64": return base64(body)
        case "quoted-printable": return quotedPrintable(body)
        default: return Array(body)
        }
    }

    /// Base64 (RFC 2045 §6.8): characters outside the alphabet (line breaks, spaces) are
    /// ignored, as the RFC asks, and the first `=` ends the data.
    static func base64(_ body: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(body.count / 4 * 3 + 3)
        var bits: UInt32 = 0, count = 0
        for byte in body {
            if byte == UInt8(ascii: "=") { break }
            let value = base64Values[Int(byte)]
            guard value >= 0 else { continue }
            bits = (bits << 6 | UInt32(value)) & 0xFFFFFF
            count += 6
            if count >= 8 {
                count -= 8
                out.append(UInt8(truncatingIfNeeded: bits >> UInt32(count)))
            }
        }
        return out
    }

    /// Each byte's value in the base64 alphabet, or -1.
    private static let base64Values: [Int8] = {
        var table = [Int8](repeating: -1, count: 256)
        for (value, byte) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            table[Int(byte)] = Int8(value)
        }
        return table
    }()

    /// Quoted-printable (RFC 2045 §6.7): `=XX` is a byte, `=` ending a line (spaces allowed
    /// after it) joins the line to the next, and spaces ending a line were added in transport
    /// and are dropped. A `=` not followed by two hex digits is kept as it is. Line breaks are
    /// kept as written (LF or CRLF); the calendar reader takes either.
    static func quotedPrintable(_ body: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(body.count)
        var index = body.startIndex
        while index < body.endIndex {
            let byte = body[index]
            if byte == UInt8(ascii: "=") {
                let afterSpace = skipSpace(body, from: index + 1)
                if let next = lineBreakEnd(body, at: afterSpace) {
                    index = next  // a soft line break
                } else if index + 2 < body.endIndex, let high = hexValue(body[index + 1]), let low = hexValue(body[index + 2]) {
                    out.append(high << 4 | low)
                    index += 3
                } else {
                    out.append(byte)
                    index += 1
                }
            } else if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                let end = skipSpace(body, from: index)
                if lineBreakEnd(body, at: end) == nil { out += body[index..<end] }
                index = end
            } else {
                out.append(byte)
                index += 1
            }
        }
        return out
    }

    /// The first index at or after `index` that is not a space or tab.
    private static func skipSpace(_ body: ArraySlice<UInt8>, from index: Int) -> Int {
        var index = index
        while index < body.endIndex, body[index] == UInt8(ascii: " ") || body[index] == UInt8(ascii: "\t") { index += 1 }
        return index
    }

    /// Where the line break (LF or CRLF) at `index` ends, or the end of the body there; nil when
    /// there is none.
    private static func lineBreakEnd(_ body: ArraySlice<UInt8>, at index: Int) -> Int? {
        if index == body.endIndex { return index }
        if body[index] == UInt8(ascii: "\n") { return index + 1 }
        if body[index] == UInt8(ascii: "\r"), index + 1 < body.endIndex, body[index + 1] == UInt8(ascii: "\n") { return index + 2 }
        return nil
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        default: return nil
        }
    }
}
