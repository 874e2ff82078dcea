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

    /// Whether two serialised calendars differ in nothing but their DTSTAMPs: the same lines,
    /// once DTSTAMP lines are left out, whatever their line ends (CRLF, LF or CR).
    ///
    /// Compared in place, byte by byte: `export --dir` asks this of every feed, 143 MB in an
    /// organisation, and splitting that into Characters cost more than writing it.
    public static func sameApartFromStamps(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { a in b.withUTF8 { b in same(a, b) } }
    }

    private static func same(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0, j = 0
        while true {
            // At the start of a line in each text.
            i = pastStamps(a, i)
            j = pastStamps(b, j)
            while i < a.count, j < b.count, a[i] == b[j], !isLineEnd(a[i]) {
                i += 1
                j += 1
            }
            let aEnds = i == a.count || isLineEnd(a[i]), bEnds = j == b.count || isLineEnd(b[j])
            guard aEnds && bEnds else { return false }
            // The last line of one is not the last of the other: a line end against the end of the text.
            guard (i == a.count) == (j == b.count) else { return false }
            if i == a.count { return true }
            i = pastLineEnd(a, i)
            j = pastLineEnd(b, j)
        }
    }

    private static func isLineEnd(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") }

    /// Past the line end that starts at `i`: CRLF, LF or CR.
    private static func pastLineEnd(_ text: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        text[i] == UInt8(ascii: "\r") && i + 1 < text.count && text[i + 1] == UInt8(ascii: "\n") ? i + 2 : i + 1
    }

    /// Past every DTSTAMP line starting at `i`, a line start, with its line end; a DTSTAMP that
    /// is the last line stops at the end of the text.
    private static func pastStamps(_ text: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        var i = i
        while text.count - i >= 8, text[i..<i + 7].elementsEqual("DTSTAMP".utf8), text[i + 7] == UInt8(ascii: ":") || text[i + 7] == UInt8(ascii: ";") {
            while i < text.count, !isLineEnd(text[i]) { i += 1 }
            guard i < text.count else { return i }
            i = pastLineEnd(text, i)
        }
        return i
    }
}
