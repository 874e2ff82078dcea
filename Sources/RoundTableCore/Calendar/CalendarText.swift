/// Serialised calendars compared for what they say rather than when they were made.
///
/// Every component carries a DTSTAMP of the moment it was built, so two exports of an unchanged
/// series differ in those lines alone. Keeping the older copy then is right (RFC 5545 makes
/// DTSTAMP, in a published calendar, the time that copy was created) and keeps a web server's
/// ETags and a CalDAV server's resources as they were.
public enum CalendarText {
    /// The text without its DTSTAMP lines, line ends made LF. A content line that starts
    /// `DTSTAMP` is always the property: a folded continuation starts with a space.
    public static func withoutStamps(_ text: String) -> String {
        var kept = ""
        kept.reserveCapacity(text.utf8.count)
        // CRLF is one Character: split on every kind of line end, not on "\n".
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        where !(line.hasPrefix("DTSTAMP:") || line.hasPrefix("DTSTAMP;")) {
            kept += line
            kept += "\n"
        }
        return kept
    }

    /// Whether two serialised calendars differ in nothing but their DTSTAMPs.
    ///
    /// Compared line by line in place, as bytes: `export --dir` asks this of every feed, 143 MB
    /// in an organisation, and splitting that into Characters cost more than writing it.
    public static func sameApartFromStamps(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { a in b.withUTF8 { b in Lines(a).elementsEqual(Lines(b)) { $0.elementsEqual($1) } } }
    }

    /// The lines of a text that are not DTSTAMP properties, as ranges of its bytes without their
    /// line ends (CRLF, LF or CR: what libical writes and what an editor may save). As
    /// `withoutStamps` splits, a text ending in a line end has an empty last line.
    private struct Lines: Sequence, IteratorProtocol {
        private let text: UnsafeBufferPointer<UInt8>
        private var position: Int? = 0

        init(_ text: UnsafeBufferPointer<UInt8>) { self.text = text }

        mutating func next() -> Slice<UnsafeBufferPointer<UInt8>>? {
            let lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
            while let start = position {
                var end = start
                while end < text.count, text[end] != lf, text[end] != cr { end += 1 }
                if end == text.count {
                    position = nil
                } else {
                    position = text[end] == cr && end + 1 < text.count && text[end + 1] == lf ? end + 2 : end + 1
                }
                let line = text[start..<end]
                if !(line.starts(with: "DTSTAMP:".utf8) || line.starts(with: "DTSTAMP;".utf8)) { return line }
            }
            return nil
        }
    }
}
