/// Limits checked on iCalendar text before libical reads it, so that no text up to the 16 MiB
/// the commands accept can exhaust the stack or take quadratic time.
///
/// libical builds a tree as deep as the text's BEGIN: nesting, which this library (and libical's
/// own free) then walks recursively: 20,000 nested BEGIN: lines crash the process. And libical
/// reads a physical line in time growing with the square of its length (1 MB took 0.2 s, 4 MB
/// 10 s), while the same value folded into 75-octet lines reads in milliseconds.
/// Both limits are far above what any calendar client writes: RFC 5545 folds lines at 75
/// octets, and real calendars nest three deep (VCALENDAR, VEVENT, VALARM).
public enum CalendarTextBounds {
    /// The deepest component nesting read; VCALENDAR counts as one.
    public static let maxDepth = 16
    /// The longest physical line read, in octets, without its line break.
    public static let maxLineLength = 64 << 10

    /// Checks `text` in one pass over its UTF-8, before any of it reaches libical.
    ///
    /// A line ends at LF (libical ends lines nowhere else). The BEGIN: and END: of nesting are
    /// found as libical finds them: in the unfolded line, by the name before the first `:` or
    /// `;`, in any case, so that neither a fold (`B` CRLF SP `EGIN:X`) nor a parameter hides one.
    public static func check(_ text: String) throws(ICalendarError) {
        var depth = 0, line = 1, lineLength = 0
        var name = LineName()
        var atLineStart = true
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n") {
                line += 1
                lineLength = 0
                atLineStart = true
                continue
            }
            lineLength += 1
            guard lineLength <= maxLineLength else { throw .lineTooLong(line: line, limit: maxLineLength) }
            if atLineStart {
                atLineStart = false
                // A line that starts with a space or tab continues the one before (a fold).
                if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { continue }
                name = LineName()
            }
            switch name.add(byte) {
            case .begin?:
                depth += 1
                guard depth <= maxDepth else { throw .tooDeep(limit: maxDepth) }
            case .end?:
                depth = max(0, depth - 1)
            case nil:
                break
            }
        }
    }

    /// The name of one unfolded line, read a byte at a time until it is known whether it is
    /// BEGIN, END or neither; kept in an integer, so a line costs no allocation.
    private struct LineName {
        enum Kind { case begin, end }

        private static let begin = packed("BEGIN"), end = packed("END")
        private var value: UInt64 = 0
        private var count = 0
        private var decided = false

        /// Adds the line's next byte (CR ignored); the kind once the name is complete.
        mutating func add(_ byte: UInt8) -> Kind? {
            guard !decided, byte != UInt8(ascii: "\r") else { return nil }
            if byte == UInt8(ascii: ":") || byte == UInt8(ascii: ";") {
                decided = true
                return value == Self.begin ? .begin : value == Self.end ? .end : nil
            }
            value = value << 8 | UInt64(byte & 0xDF)  // ASCII letters to upper case; no other byte becomes one
            count += 1
            if count > 5 { decided = true }
            return nil
        }

        private static func packed(_ name: String) -> UInt64 {
            name.utf8.reduce(0) { $0 << 8 | UInt64($1) }
        }
    }
}
