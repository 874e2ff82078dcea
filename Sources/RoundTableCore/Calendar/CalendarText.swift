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
    public static func sameApartFromStamps(_ a: String, _ b: String) -> Bool {
        withoutStamps(a) == withoutStamps(b)
    }
}
