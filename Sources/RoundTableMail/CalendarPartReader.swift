import Foundation

/// Finds the text/calendar content of a reply, whether the file is a bare .ics or a whole
/// email as a mail client saves it (MIME, any nesting, base64 or quoted-printable).
///
/// No Swift MIME parser is available to us, so this reads just enough of RFC 2045/2046 to walk
/// multipart bodies; anything it does not understand is skipped, never guessed at.
public enum CalendarPartReader {
    /// Why no calendar could be found.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case noCalendarPart
        case notText

        public var description: String {
            switch self {
            case .noCalendarPart: return "No calendar (text/calendar part or .ics content) was found in it."
            case .notText: return "Its calendar is not UTF-8 text; save the reply again as UTF-8, or as the email it came in."
            }
        }
    }

    /// The iCalendar text of the first calendar part, or of the whole file when it is one.
    ///
    /// The calendar must be UTF-8 (RFC 5545 §6). An email may hold other parts in other charsets:
    /// the file is read leniently to find the calendar part, but a calendar part that lost bytes
    /// on the way (shown as U+FFFD) is refused rather than recorded with mangled names.
    public static func calendarText(in data: [UInt8]) throws(Failure) -> String {
        let strict = String(validating: data, as: UTF8.self)
        let text = strict ?? String(decoding: data, as: UTF8.self)
        if text.drop(while: { $0.isWhitespace }).uppercased().hasPrefix("BEGIN:VCALENDAR") {
            guard let strict else { throw .notText }
            return strict
        }
        guard let part = find(in: Substring(text)) else { throw .noCalendarPart }
        guard let decoded = String(bytes: part, encoding: .utf8), strict != nil || !decoded.contains("\u{FFFD}") else {
            throw .notText
        }
        return decoded
    }

    private static func find(in entity: Substring) -> [UInt8]? {
        let (headers, body) = split(entity)
        let type = headers["content-type"] ?? "text/plain"
        let mediaType = type.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        if mediaType.hasPrefix("multipart/") {
            guard let boundary = parameter("boundary", in: type) else { return nil }
            for part in parts(of: body, boundary: boundary) {
                if let found = find(in: part) { return found }
            }
            return nil
        }
        guard mediaType == "text/calendar" || mediaType == "application/ics" else { return nil }
        return decode(body, encoding: headers["content-transfer-encoding"]?.lowercased() ?? "7bit")
    }

    /// Header fields (unfolded, names lowercased) and the body after the first blank line.
    private static func split(_ entity: Substring) -> ([String: String], Substring) {
        let normalized = entity.replacingOccurrences(of: "\r\n", with: "\n")
        let end = normalized.range(of: "\n\n")
        let head = end.map { normalized[..<$0.lowerBound] } ?? Substring(normalized)
        let body = end.map { normalized[$0.upperBound...] } ?? ""
        var fields: [String: String] = [:]
        var current: String?
        for line in head.split(separator: "\n", omittingEmptySubsequences: false) {
            if let first = line.first, first == " " || first == "\t", let name = current {
                fields[name, default: ""] += " " + line.trimmingCharacters(in: .whitespaces)
            } else if let colon = line.firstIndex(of: ":") {
                let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
                if fields[name] == nil { fields[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces) }
                current = name
            }
        }
        return (fields, Substring(body))
    }

    private static func parameter(_ name: String, in field: String) -> String? {
        for piece in field.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == name else { continue }
            return pair[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return nil
    }

    private static func parts(of body: Substring, boundary: String) -> [Substring] {
        let delimiter = "--" + boundary
        var found: [Substring] = []
        var current: [Substring]?
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed == delimiter || trimmed == delimiter + "--" {
                if let lines = current { found.append(Substring(lines.joined(separator: "\n"))) }
                current = trimmed == delimiter ? [] : nil
                if trimmed != delimiter { break }
            } else if current != nil {
                current!.append(line)
            }
        }
        return found
    }

    private static func decode(_ body: Substring, encoding: String) -> [UInt8] {
        switch encoding {
        case "base64":
            return Data(base64Encoded: body.filter { !$0.isWhitespace }).map { Array($0) } ?? []
        case "quoted-printable":
            var out: [UInt8] = []
            for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
                var bytes = Array(line.utf8)
                while bytes.last == 0x20 || bytes.last == 0x09 { bytes.removeLast() }
                let soft = bytes.last == UInt8(ascii: "=")
                if soft { bytes.removeLast() }
                var i = 0
                while i < bytes.count {
                    if bytes[i] == UInt8(ascii: "="), i + 2 < bytes.count,
                       let value = UInt8(String(decoding: bytes[(i + 1)...(i + 2)], as: UTF8.self), radix: 16) {
                        out.append(value)
                        i += 3
                    } else {
                        out.append(bytes[i])
                        i += 1
                    }
                }
                if !soft { out += [13, 10] }
            }
            return out
        default:
            return Array(body.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        }
    }
}
