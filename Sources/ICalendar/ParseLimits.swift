import Foundation

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
    /// Whether integer values libical would wrap silently are reported as problems
    /// (`IntegerValues`); our own calendars hold none, so only received text is checked.
    public let checksIntegers: Bool

    public init(maxDepth: Int, maxLineLength: Int, maxItems: Int, resolvesLocalTimes: Bool, checksIntegers: Bool = false) {
        self.maxDepth = maxDepth
        self.maxLineLength = maxLineLength
        self.maxItems = maxItems
        self.resolvesLocalTimes = resolvesLocalTimes
        self.checksIntegers = checksIntegers
    }

    /// For calendars we made or trust, our own feeds of thousands of events included.
    public static let standard = ParseLimits(maxDepth: 16, maxLineLength: 64 << 10, maxItems: .max, resolvesLocalTimes: true)
    /// For a calendar received from outside (a reply): also at most 100,000 lines and
    /// parameters, which keeps libical's work under a tenth of a second and 50 MB, and local
    /// times left unresolved (UTC times, such as a DTSTAMP, are read in full), and integers
    /// libical would wrap (a SEQUENCE of 2^31) reported as problems.
    public static let received = ParseLimits(maxDepth: 16, maxLineLength: 64 << 10, maxItems: 100_000, resolvesLocalTimes: false,
                                             checksIntegers: true)

    /// Checks `text` in one pass over its UTF-8, before any of it reaches libical.
    ///
    /// A line ends at LF (libical ends lines nowhere else). Lines are counted, and BEGIN: and END:
    /// found, as libical finds them: in the unfolded line, by the name before the first `:` or
    /// `;`, in any case, so that neither a fold (`B` CRLF SP `EGIN:X`) nor a parameter hides one.
    /// Only each line's name (and, when items are capped, its parameters) is read byte by byte;
    /// memchr skips the rest, so the check costs about 1% of libical's own parse.
    public func check(_ text: String) throws(ICalendarError) {
        var text = text
        if let error = text.withUTF8({ scan($0) }) { throw error }
    }

    /// The first limit `bytes` passes, if any.
    private func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> ICalendarError? {
        guard let base = bytes.baseAddress else { return nil }
        var depth = 0, line = 1, items = 0
        var head = LineHead()
        // Without a cap on items only names matter: a line's parameters need not be read.
        let readsParameters = maxItems < .max
        var start = 0
        while start < bytes.count {
            let end = memchr(base + start, Int32(UInt8(ascii: "\n")), bytes.count - start)
                .map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? bytes.count
            defer { (start, line) = (end + 1, line + 1) }
            guard end - start <= maxLineLength else { return .lineTooLong(line: line, limit: maxLineLength) }
            guard end > start else { continue }
            var index = start
            // A line that starts with a space or tab continues the one before (a fold).
            if bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: "\t") {
                index += 1
            } else {
                head = LineHead()
                items += 1
                // Without parameters to count, a name that cannot be BEGIN or END is not read on.
                let first = bytes[start], upper = first & 0xDF
                if !readsParameters, upper != UInt8(ascii: "B"), upper != UInt8(ascii: "E"), first != UInt8(ascii: "\r") {
                    head.skipName()
                }
            }
            while index < end, !head.inValue, readsParameters || !head.nameDone {
                let (kind, parameter) = head.add(bytes[index])
                index += 1
                if parameter { items += 1 }
                switch kind {
                case .begin?:
                    depth += 1
                    if depth > maxDepth { return .tooDeep(limit: maxDepth) }
                case .end?:
                    depth = max(0, depth - 1)
                case nil:
                    break
                }
            }
            if items > maxItems { return .tooManyItems(limit: maxItems) }
        }
        return nil
    }

    /// The start of one unfolded line, read a byte at a time: its name (is it BEGIN, END or
    /// neither?) and the parameters before its value. Kept in integers, so a line costs no
    /// allocation.
    private struct LineHead {
        enum Kind { case begin, end }

        /// "BEGIN" and "END", one byte each, as `name` holds them.
        private static let begin: UInt64 = 0x42_45_47_49_4E, end: UInt64 = 0x45_4E_44
        private var name: UInt64 = 0
        private var nameLength = 0
        private(set) var nameDone = false
        private var quoted = false
        /// Past the `:` that starts the value: nothing after it matters here.
        private(set) var inValue = false

        /// Adds the line's next byte (CR ignored): the line's kind once its name is complete, and
        /// whether a parameter starts here.
        mutating func add(_ byte: UInt8) -> (kind: Kind?, parameter: Bool) {
            guard byte != UInt8(ascii: "\r") else { return (nil, false) }
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

        /// Takes the name as read, neither BEGIN nor END, without reading it.
        mutating func skipName() { nameDone = true }

        private mutating func endName() -> Kind? {
            guard !nameDone else { return nil }
            nameDone = true
            guard nameLength <= 5 else { return nil }
            return name == Self.begin ? .begin : name == Self.end ? .end : nil
        }
    }
}
