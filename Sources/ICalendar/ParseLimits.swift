/// Limits on the work parsing does, so that no text up to the 16 MiB the commands accept can
/// exhaust the stack, the memory or the time. The text is checked before libical reads it.
///
/// libical builds a tree as deep as the text's BEGIN: nesting, which this library (and libical's
/// own free) then walks recursively: 20,000 nested BEGIN: lines crash the process. libical reads
/// a physical line in time growing with the square of its length (1 MB took 0.2 s, 4 MB 10 s),
/// while the same value folded into 75-octet lines reads in milliseconds. And libical makes an
/// object of every property and parameter, about 450 bytes each once read into values here:
/// 16 MiB of one-letter properties took 700 MB and 1.8 s.
/// The limits are far above what calendar clients write: RFC 5545 folds lines at 75 octets, real
/// calendars nest three deep (VCALENDAR, VEVENT, VALARM), and a reply holds a few dozen lines.
///
/// Local times with a TZID are resolved against the calendar's own VTIMEZONE, for which libical
/// expands the zone's rules up to the year asked: a 545-byte calendar (a VTIMEZONE with
/// `RRULE:FREQ=SECONDLY`, a DTSTART in 9999) never finishes, and 1,000 yearly zones asked about
/// 9999 took 8.6 s. Text from outside is read without resolving them.
public struct ParseLimits: Hashable, Sendable {
    /// The deepest component nesting read; VCALENDAR counts as one.
    public let maxDepth: Int
    /// The longest physical line read, in octets, without its line break.
    public let maxLineLength: Int
    /// The most content lines and parameters, together: the objects libical makes.
    public let maxItems: Int
    /// Whether local times with a TZID get their instant (`Property.instant`); nil when not.
    public let resolvesLocalTimes: Bool

    public init(maxDepth: Int, maxLineLength: Int, maxItems: Int, resolvesLocalTimes: Bool) {
        self.maxDepth = maxDepth
        self.maxLineLength = maxLineLength
        self.maxItems = maxItems
        self.resolvesLocalTimes = resolvesLocalTimes
    }

    /// For calendars we made or trust, our own feeds of thousands of events included.
    public static let standard = ParseLimits(maxDepth: 16, maxLineLength: 64 << 10, maxItems: .max, resolvesLocalTimes: true)
    /// For a calendar received from outside (a reply): also at most 100,000 lines and
    /// parameters, which keeps libical's work under a tenth of a second and 50 MB, and local
    /// times left unresolved (UTC times, such as a DTSTAMP, are read in full).
    public static let received = ParseLimits(maxDepth: 16, maxLineLength: 64 << 10, maxItems: 100_000, resolvesLocalTimes: false)

    /// Checks `text` in one pass over its UTF-8, before any of it reaches libical.
    ///
    /// A line ends at LF (libical ends lines nowhere else). Lines are counted, and BEGIN: and END:
    /// found, as libical finds them: in the unfolded line, by the name before the first `:` or
    /// `;`, in any case, so that neither a fold (`B` CRLF SP `EGIN:X`) nor a parameter hides one.
    public func check(_ text: String) throws(ICalendarError) {
        var depth = 0, line = 1, lineLength = 0, items = 0
        var head = LineHead()
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
                head = LineHead()
                items += 1
            }
            let (kind, parameter) = head.add(byte)
            if parameter { items += 1 }
            guard items <= maxItems else { throw .tooManyItems(limit: maxItems) }
            switch kind {
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

    /// The start of one unfolded line, read a byte at a time: its name (is it BEGIN, END or
    /// neither?) and the parameters before its value. Kept in integers, so a line costs no
    /// allocation.
    private struct LineHead {
        enum Kind { case begin, end }

        private static let begin = packed("BEGIN"), end = packed("END")
        private var name: UInt64 = 0
        private var nameLength = 0
        private var nameDone = false
        private var quoted = false
        private var inValue = false

        /// Adds the line's next byte (CR ignored): the line's kind once its name is complete, and
        /// whether a parameter starts here.
        mutating func add(_ byte: UInt8) -> (kind: Kind?, parameter: Bool) {
            guard !inValue, byte != UInt8(ascii: "\r") else { return (nil, false) }
            if quoted {
                if byte == UInt8(ascii: "\"") { quoted = false }
                return (nil, false)
            }
            switch byte {
            case UInt8(ascii: "\""):
                quoted = true
                return (nil, false)
            case UInt8(ascii: ":"):
                inValue = true
                return (endName(), false)
            case UInt8(ascii: ";"):
                return (endName(), true)
            default:
                if !nameDone {
                    name = name << 8 | UInt64(byte & 0xDF)  // ASCII letters to upper case; no other byte becomes one
                    nameLength += 1
                }
                return (nil, false)
            }
        }

        private mutating func endName() -> Kind? {
            guard !nameDone else { return nil }
            nameDone = true
            guard nameLength <= 5 else { return nil }
            return name == Self.begin ? .begin : name == Self.end ? .end : nil
        }

        private static func packed(_ name: String) -> UInt64 {
            name.utf8.reduce(0) { $0 << 8 | UInt64($1) }
        }
    }
}
