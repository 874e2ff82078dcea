import Foundation
import RoundTableCore

/// Header values made fit for the wire: 7-bit, folded (RFC 5322 §2.2.3) and, where not plain ASCII,
/// RFC 2047 encoded words. Callers refuse control characters before anything reaches here.
enum HeaderEncoding {
    /// RFC 5322's recommended line length, which folding and encoded words aim for.
    static let preferredLineLength = 78
    /// RFC 5322's hard limit on a line, CRLF excluded.
    static let maximumLineLength = 998
    /// RFC 2047's limit on one encoded word.
    static let encodedWordLength = 75

    /// C0, DEL, C1 and Unicode's line and paragraph separators: some reader or other ends a line at
    /// each of them, so in a header any could start a forged field.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        HeaderText.isControl(scalar)
    }

    /// Whether `text` holds a character that must never reach a header.
    static func containsControl(_ text: String) -> Bool {
        text.unicodeScalars.contains(where: isControl)
    }

    /// One header field, folded before a piece wherever the line would pass 78 octets. Every piece
    /// after the first starts with whitespace (that is where a fold may go) and holds something
    /// else too, so no line is ever whitespace alone.
    static func field(_ name: String, _ pieces: [String]) -> String {
        var out = name + ":"
        var lineLength = out.utf8.count
        for (index, piece) in pieces.enumerated() {
            let text = index == 0 ? " " + piece : piece
            if index > 0, lineLength + text.utf8.count > preferredLineLength {
                out += "\r\n"
                lineLength = 0
            }
            out += text
            lineLength += text.utf8.count
        }
        return out
    }

    /// Whether no line of a folded field is longer than `limit` octets.
    static func fits(_ folded: String, within limit: Int) -> Bool {
        folded.utf8.split(separator: UInt8(ascii: "\n")).allSatisfy { line in
            line.count - (line.last == UInt8(ascii: "\r") ? 1 : 0) <= limit
        }
    }

    /// Unstructured text (Subject, extra headers). ASCII stays as written, folded only at its own
    /// spaces, so it unfolds to exactly the input. Anything else goes out as encoded words: text
    /// that is not ASCII, that a reader would take for an encoded word ("=?"), or with a word too
    /// long for even a 998-octet line.
    static func unstructured(_ name: String, _ text: String) -> String {
        if isASCII(text), !holdsEncodedWordStart(text) {
            let folded = field(name, spacePieces(text))
            if fits(folded, within: maximumLineLength) { return folded }
        }
        return field(name, encodedWords(text, afterOctets: name.utf8.count + 2))
    }

    /// Whether `text` is all ASCII: then each of its bytes is one character, and the scans below
    /// work on bytes (a header is written for every message, thousands in an organisation's run).
    static func isASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 }
    }

    /// Whether ASCII `text` holds "=?", which a reader would take for the start of an encoded word.
    static func holdsEncodedWordStart(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if previous == UInt8(ascii: "="), byte == UInt8(ascii: "?") { return true }
            previous = byte
        }
        return false
    }

    /// ASCII `text` cut before each run of spaces that has a word after it; leading and trailing
    /// spaces stay with the first and last piece.
    private static func spacePieces(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        let space = UInt8(ascii: " ")
        var pieces: [String] = []
        var start = 0
        for index in bytes.indices.dropFirst() where bytes[index] == space && bytes[index - 1] != space {
            pieces.append(String(decoding: bytes[start..<index], as: UTF8.self))
            start = index
        }
        let last = bytes[start...]
        if !pieces.isEmpty, last.allSatisfy({ $0 == space }) {
            pieces[pieces.count - 1] += String(decoding: last, as: UTF8.self)
        } else {
            pieces.append(String(decoding: last, as: UTF8.self))
        }
        return pieces
    }

    /// `text` as `=?UTF-8?B?…?=` words of at most 75 octets, as header pieces. The first word is
    /// shortened to fit the `used` octets already on its line. Words break between characters
    /// (between scalars only for a character too long for a word alone), never inside a UTF-8
    /// sequence, because RFC 2047 §5 wants each word decodable on its own. Where it can, a word
    /// ends just after a space: readers that wrongly keep the folding whitespace between words
    /// (Python 3.11's address parser, CPython gh-128110) then show a double space rather than a
    /// split word.
    static func encodedWords(_ text: String, afterOctets used: Int) -> [String] {
        let fullCapacity = payloadCapacity(encodedWordLength)
        var capacity = payloadCapacity(min(encodedWordLength, max(20, preferredLineLength - used)))
        var words: [[UInt8]] = []
        var current: [UInt8] = []
        // Where the word would end if cut after its last space (one that is not its first unit).
        var afterSpace: Int?
        func add(_ unit: some Collection<UInt8>) {
            if !current.isEmpty, current.count + unit.count > capacity {
                var carried: [UInt8] = []
                if let cut = afterSpace, current.count - cut + unit.count <= fullCapacity {
                    carried = Array(current[cut...])
                    current.removeSubrange(cut...)
                }
                words.append(current)
                current = carried
                afterSpace = nil
                capacity = fullCapacity
            }
            if !current.isEmpty, unit.count == 1, unit.first == UInt8(ascii: " ") { afterSpace = current.count + 1 }
            current += unit
        }
        for character in text {
            if character.utf8.count <= fullCapacity {
                add(character.utf8)
            } else {
                character.unicodeScalars.forEach { add($0.utf8) }
            }
        }
        words.append(current)
        return words.enumerated().map { index, bytes in
            (index == 0 ? "" : " ") + "=?UTF-8?B?" + Data(bytes).base64EncodedString() + "?="
        }
    }

    /// How many octets of text a word of `length` characters carries once base64 and the
    /// 12 characters of `=?UTF-8?B?` and `?=` are paid for.
    private static func payloadCapacity(_ length: Int) -> Int {
        (length - 12) / 4 * 3
    }
}
