import Foundation

/// Makes up for libical 3.0 writing X-property TEXT (X-WR-CALNAME…) with ',' and ';' left bare:
/// vobject then reads "AJC, 2012" as "AJC". Such a value goes to libical as a short stand-in
/// token, and the token in libical's output is replaced by the value escaped as RFC 5545 §3.3.11
/// asks, the line folded again at 75 octets.
struct XTextStandIns {
    private var values: [String: String] = [:]

    /// The text to give libical for an X property's value: a new token when it is TEXT that
    /// needs escaping, else the value's own text.
    mutating func text(for value: Value, of name: String) -> String {
        guard case .text(let text) = value, name.hasPrefix("X-"),
              text.contains(where: { $0 == "," || $0 == ";" }) else { return value.text }
        let token = "RTXTEXT\(values.count)STANDIN"
        values[token] = text
        return token
    }

    /// Whether no value was given a stand-in, so libical's text needs no change.
    var isEmpty: Bool { values.isEmpty }

    /// libical's text with each token's line carrying the escaped value.
    func restore(in text: String) -> String {
        guard !values.isEmpty else { return text }
        var lines = text.components(separatedBy: "\r\n")
        for index in lines.indices {
            guard let (token, value) = values.first(where: { lines[index].hasSuffix($0.key) }) else { continue }
            lines[index] = Self.fold(String(lines[index].dropLast(token.count)) + Self.escape(value))
        }
        return lines.joined(separator: "\r\n")
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "\\": out += "\\\\"
            case ",": out += "\\,"
            case ";": out += "\\;"
            case "\n", "\r\n", "\r": out += "\\n"
            default: out.append(ch)
            }
        }
        return out
    }

    /// Splits a content line into 75-octet pieces, never inside a UTF-8 sequence.
    static func fold(_ line: String) -> String {
        var pieces: [String] = []
        var current = ""
        var limit = 75
        for ch in line {
            if current.utf8.count + String(ch).utf8.count > limit {
                pieces.append(current)
                current = ""
                limit = 74
            }
            current.append(ch)
        }
        pieces.append(current)
        return pieces.joined(separator: "\r\n ")
    }
}
