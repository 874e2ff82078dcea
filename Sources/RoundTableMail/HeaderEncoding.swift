import Foundation

/// Header values as RFC 5322 and RFC 2047 want them: ASCII, quoted where specials appear,
/// encoded words where the text is not ASCII, folded so lines stay short.
enum HeaderEncoding {
    private static let specials = Set("()<>[]:;@\\,.\"")

    /// A display name: as is, quoted, or encoded words.
    static func phrase(_ text: String) -> String {
        guard text.allSatisfy({ $0.isASCII }) else { return encodedWords(text) }
        guard text.contains(where: { specials.contains($0) }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// Unstructured text (Subject): as is when ASCII, else encoded words.
    static func unstructured(_ text: String) -> String {
        text.allSatisfy({ $0.isASCII }) ? text : encodedWords(text)
    }

    /// `=?UTF-8?B?…?=` words of at most 75 characters, split between characters, never inside one.
    static func encodedWords(_ text: String) -> String {
        var words: [String] = []
        var chunk = ""
        for ch in text {
            // 75 − len("=?UTF-8?B??=") = 63 base64 characters, i.e. 45 bytes.
            if (chunk + String(ch)).utf8.count > 45 {
                words.append(word(chunk))
                chunk = ""
            }
            chunk.append(ch)
        }
        if !chunk.isEmpty { words.append(word(chunk)) }
        return words.joined(separator: "\r\n ")
    }

    private static func word(_ chunk: String) -> String {
        "=?UTF-8?B?" + Data(chunk.utf8).base64EncodedString() + "?="
    }

    /// A `Name: value` line folded at spaces so lines stay within 78 characters where possible.
    static func field(_ name: String, _ value: String) -> String {
        var lines: [String] = []
        var current = name + ":"
        for (index, piece) in value.components(separatedBy: "\r\n ").enumerated() {
            if index > 0 {
                lines.append(current)
                current = ""
            }
            for word in piece.split(separator: " ", omittingEmptySubsequences: false) {
                if current.count + 1 + word.count > 78 && !current.trimmingCharacters(in: .whitespaces).isEmpty && current != name + ":" {
                    lines.append(current)
                    current = ""
                }
                current += " " + word
            }
        }
        lines.append(current)
        return lines.joined(separator: "\r\n")
    }
}
