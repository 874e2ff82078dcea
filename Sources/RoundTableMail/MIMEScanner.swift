import Foundation

/// One pass over a received email (RFC 2045, 2046) that finds its top-level header fields and
/// its first calendar part, however the multiparts nest.
///
/// No Swift MIME parser is available to us, so this reads just enough to walk multipart bodies;
/// anything it does not understand is skipped, never guessed at. Every line is looked at once:
/// a part ends at the next delimiter line of any multipart still open (RFC 2046 forbids a
/// boundary inside its own parts, so an inner part left unclosed ends there too), and no body is
/// split again per level. That keeps a 16 MiB email linear however it nests; the depth itself is
/// limited, so a bomb of nested multiparts is refused by name.
struct MIMEScanner {
    /// The deepest multipart nesting read. Mail clients nest three or four deep (mixed,
    /// alternative, related).
    static let maxDepth = 32
    /// The longest boundary RFC 2046 §5.1.1 allows; a longer one is not a multipart we read, and
    /// the limit keeps the comparison of each line with the open boundaries cheap.
    static let maxBoundaryLength = 70
    /// The longest header field read, unfolded, in octets. A longer one (a Content-Type folded
    /// over a million lines) reads as empty: not understood, so its part is skipped, and a From:
    /// that long names no sender.
    static let maxFieldLength = 64 << 10

    /// The header fields the reader needs, unfolded; empty when longer than `maxFieldLength`.
    struct Header {
        var contentType: String?
        var transferEncoding: String?
        /// The From: field's value; nil when there is none, and when there are several (RFC 5322
        /// allows one), so that a second From: cannot hide behind the first.
        var from: String?
        /// Reply-To: and Sender:, read as From: is (one field, or none), for a reply a calendar
        /// server relayed.
        var replyTo: String?
        var sender: String?
        /// Subject: and Date:, read as From: is, to name a refused reply to the organiser.
        var subject: String?
        var date: String?
        fileprivate var counts: [PartialKeyPath<Header>: Int] = [:]
    }

    /// A part: its encoded body, its Content-Transfer-Encoding and its charset parameter.
    struct Part {
        let body: ArraySlice<UInt8>
        let encoding: String
        var charset: String? = nil
    }

    private let bytes: [UInt8]
    /// "--" + boundary of each multipart being read, outermost first.
    private var open: [[UInt8]] = []

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The top-level header, the first part whose type is text/calendar or application/ics, and
    /// the first text/plain part of a multipart before it (where a person writes a note with
    /// her answer).
    mutating func scan() throws(CalendarPartReader.Failure) -> (header: Header, calendar: Part?, text: Part?) {
        let (top, bodyStart) = header(at: 0)
        var (entity, position) = (top, bodyStart)
        var text: Part?
        while true {
            // No Content-Type is text/plain (RFC 2045 §5.2): nothing to read there.
            let type = entity.contentType.map(MediaType.init)
            if let type, type.isMultipart, let boundary = type.parameter("boundary"),
               (1...Self.maxBoundaryLength).contains(boundary.utf8.count) {
                guard open.count < Self.maxDepth else { throw .tooDeep(limit: Self.maxDepth) }
                open.append(Array("--\(boundary)".utf8))
            } else if type?.isCalendar == true {
                return (top, part(at: position, of: entity), text)
            } else if text == nil, !open.isEmpty, (type?.name ?? "text/plain") == "text/plain" {
                text = part(at: position, of: entity)
                text?.charset = type?.parameter("charset")
            }
            guard let next = nextPart(from: position) else { return (top, nil, text) }
            (entity, position) = header(at: next)
        }
    }

    /// The part whose body starts at `position`, up to the line break before the next delimiter.
    private func part(at position: Int, of entity: Header) -> Part {
        let end = nextDelimiter(from: position).map { lineBreakStart(before: $0.start) } ?? bytes.endIndex
        return Part(body: bytes[position..<max(position, end)], encoding: entity.transferEncoding ?? "7bit")
    }

    // MARK: Delimiters

    private struct Delimiter {
        /// Where the delimiter line starts, and where the line after it starts.
        let start: Int, next: Int
        /// Which open multipart it belongs to (an index into `open`), and whether it closes it.
        let level: Int, closes: Bool
    }

    /// Moves past the next delimiter that opens a part, closing every multipart whose close
    /// delimiter (or an outer one's delimiter) comes first; the start of that part's header,
    /// or nil when the email ends first.
    private mutating func nextPart(from position: Int) -> Int? {
        var position = position
        while let delimiter = nextDelimiter(from: position) {
            open.removeLast(open.count - delimiter.level - 1)
            if !delimiter.closes { return delimiter.next }
            open.removeLast()
            position = delimiter.next
        }
        return nil
    }

    /// The first line at or after `position` that is a delimiter of an open multipart.
    private func nextDelimiter(from position: Int) -> Delimiter? {
        guard !open.isEmpty else { return nil }
        var start = position
        while start < bytes.endIndex {
            let end = lineEnd(from: start)
            if let delimiter = delimiter(start: start, end: end) { return delimiter }
            start = min(end + 1, bytes.endIndex)
        }
        return nil
    }

    /// The line from `start` to `end` (its LF) as a delimiter of an open multipart, the innermost
    /// first: "--" + boundary, or that + "--" to close, then optional white space.
    private func delimiter(start: Int, end: Int) -> Delimiter? {
        guard end - start >= 2, bytes[start] == UInt8(ascii: "-"), bytes[start + 1] == UInt8(ascii: "-") else { return nil }
        var last = end
        while last > start, Self.isSpace(bytes[last - 1]) || bytes[last - 1] == UInt8(ascii: "\r") { last -= 1 }
        let line = bytes[start..<last]
        let next = min(end + 1, bytes.endIndex)
        for level in open.indices.reversed() {
            let boundary = open[level]
            if line.count == boundary.count, line.elementsEqual(boundary) {
                return Delimiter(start: start, next: next, level: level, closes: false)
            }
            if line.count == boundary.count + 2, line.starts(with: boundary), line.suffix(2).elementsEqual("--".utf8) {
                return Delimiter(start: start, next: next, level: level, closes: true)
            }
        }
        return nil
    }

    // MARK: Lines and header fields

    /// The index of the LF ending the line that starts at `start`, or the end of the bytes.
    /// memchr finds it at memory speed, in debug builds too (which the end-to-end tests run).
    private func lineEnd(from start: Int) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, start < buffer.count,
                  let found = memchr(base + start, Int32(UInt8(ascii: "\n")), buffer.count - start) else { return buffer.count }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// Where the line break before the line at `start` begins: it belongs to the delimiter.
    private func lineBreakStart(before start: Int) -> Int {
        var end = start
        if end > 0, bytes[end - 1] == UInt8(ascii: "\n") { end -= 1 }
        if end > 0, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return end
    }

    /// The header fields of the entity at `start` and where its body starts: after the first
    /// empty line, or at a delimiter line that comes first (a part with no body), or at the end.
    private func header(at start: Int) -> (Header, Int) {
        var header = Header()
        var field: WritableKeyPath<Header, String?>?  // the field a folded line continues
        var position = start
        while position < bytes.endIndex {
            let end = lineEnd(from: position)
            if delimiter(start: position, end: end) != nil { return (header, position) }
            let next = min(end + 1, bytes.endIndex)
            defer { position = next }
            let line = Self.trimmed(bytes[position..<end])
            if line.isEmpty, position == end || bytes[position] == UInt8(ascii: "\r") { return (header, next) }
            if Self.isSpace(bytes[position]) {
                // A folded line continues the field before it; one grown past the limit reads as empty and takes no more.
                guard let current = field else { continue }
                if (header[keyPath: current]?.utf8.count ?? 0) + 1 + line.count <= Self.maxFieldLength {
                    header[keyPath: current]?.append(" " + String(decoding: line, as: UTF8.self))
                } else {
                    header[keyPath: current] = ""
                    field = nil
                }
                continue
            }
            field = nil
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { continue }
            let name = Self.trimmed(line[..<colon])
            let value = Self.value(Self.trimmed(line[(colon + 1)...]))
            if Self.name(name, is: "content-type") {
                guard header.contentType == nil else { continue }
                header.contentType = value ?? ""
                field = value.map { _ in \.contentType }
            } else if Self.name(name, is: "content-transfer-encoding") {
                guard header.transferEncoding == nil else { continue }
                header.transferEncoding = value ?? ""
                field = value.map { _ in \.transferEncoding }
            } else if let key = Self.name(name, is: "from") ? \Header.from : Self.name(name, is: "reply-to") ? \Header.replyTo
                        : Self.name(name, is: "sender") ? \Header.sender : Self.name(name, is: "subject") ? \Header.subject
                        : Self.name(name, is: "date") ? \Header.date : nil {
                let count = header.counts[key, default: 0] + 1
                header.counts[key] = count
                header[keyPath: key] = count == 1 ? value ?? "" : nil
                field = count == 1 ? value.map { _ in key } : nil
            }
        }
        return (header, bytes.endIndex)
    }

    /// A field's first line as text (bytes that are not UTF-8, such as a Latin-1 name, become
    /// U+FFFD), or nil when it is longer than `maxFieldLength`.
    private static func value(_ line: ArraySlice<UInt8>) -> String? {
        line.count <= maxFieldLength ? String(decoding: line, as: UTF8.self) : nil
    }

    /// Whether a field name's bytes are `lowercase` in any case, without making a string of each
    /// header line's name.
    private static func name(_ bytes: ArraySlice<UInt8>, is lowercase: StaticString) -> Bool {
        bytes.count == lowercase.utf8CodeUnitCount && zip(bytes, UnsafeBufferPointer(start: lowercase.utf8Start, count: lowercase.utf8CodeUnitCount))
            .allSatisfy { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) ? $0 + 32 == $1 : $0 == $1 }
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }

    /// `line` without the spaces, tabs and CR at either end.
    private static func trimmed(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let isBlank = { (byte: UInt8) in isSpace(byte) || byte == UInt8(ascii: "\r") }
        guard let first = line.firstIndex(where: { !isBlank($0) }), let last = line.lastIndex(where: { !isBlank($0) }) else {
            return line[line.startIndex..<line.startIndex]
        }
        return line[first...last]
    }
}
