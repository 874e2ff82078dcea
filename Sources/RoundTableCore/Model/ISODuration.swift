import CalendarTime

/// An ISO 8601 duration as a schedule's policy writes it: `P28D`, `P2W`, `P1M`, `PT3H30M`.
///
/// Calendar parts (years, months, days) and clock parts (hours, minutes, seconds) are kept apart
/// because they add differently: one month after 31 January is 29 February, not 31 days later.
public struct ISODuration: Hashable, Sendable, CustomStringConvertible {
    public var years = 0, months = 0, days = 0
    public var hours = 0, minutes = 0, seconds = 0
    /// The text it was written as, kept for messages and iCalendar output.
    public let text: String

    /// Parses `PnYnMnWnDTnHnMnS` (each part optional, at least one present); nil when malformed.
    public init?(_ text: String) {
        guard let parsed = try? Self(parsing: text) else { return nil }
        self = parsed
    }

    /// Why a text is not a duration a schedule may use.
    public enum Problem: Error, Equatable, Sendable {
        /// Not of the form `PnYnMnWnDTnHnMnS`.
        case malformed
        /// Longer than `ISODuration.longest` (or a number too large to count).
        case tooLong
    }

    /// The longest duration any rule accepts: nothing in a series of meetings is planned further
    /// ahead, and keeping every duration this short keeps every date the rules compute within
    /// a few years of the schedule's own, so no addition can overflow and no loop can run away.
    public static let longest = (years: 10, days: 3_660)

    /// Parses `PnYnMnWnDTnHnMnS` with checked arithmetic: an overflowing number is `.tooLong`,
    /// never a crash.
    public init(parsing text: String) throws(Problem) {
        self.text = text
        var rest = Substring(text)
        guard rest.first == "P" else { throw .malformed }
        rest = rest.dropFirst()
        var inTime = false, sawPart = false, number = ""
        // Each designator once and in order (Y M W D, then H M S), as ISO 8601 writes them.
        var order = 0
        for ch in rest {
            if ch.isASCII && ch.isNumber { number.append(ch); continue }
            if ch == "T" {
                guard !inTime, number.isEmpty else { throw .malformed }
                inTime = true
                continue
            }
            guard !number.isEmpty else { throw .malformed }
            // Nine digits already exceed every limit below; more could overflow Int.
            guard number.count <= 9, let n = Int(number) else { throw .tooLong }
            number = ""
            sawPart = true
            let place: Int
            switch (inTime, ch) {
            case (false, "Y"): years = n; place = 1
            case (false, "M"): months = n; place = 2
            case (false, "W"): days += 7 * n; place = 3
            case (false, "D"): days += n; place = 4
            case (true, "H"): hours = n; place = 5
            case (true, "M"): minutes = n; place = 6
            case (true, "S"): seconds = n; place = 7
            default: throw .malformed
            }
            guard place > order else { throw .malformed }
            order = place
        }
        guard number.isEmpty, sawPart, !(inTime && text.hasSuffix("T")) else { throw .malformed }
        guard years * 12 + months <= Self.longest.years * 12,
              totalSeconds <= Self.longest.days * 86_400 else { throw .tooLong }
    }

    /// Whether the duration is whole days, weeks, months or years (what a deadline offset needs).
    public var isCalendarOnly: Bool { hours == 0 && minutes == 0 && seconds == 0 }

    /// The clock length in seconds, counting a day as 24 hours; months and years have no fixed length.
    public var totalSeconds: Int { ((days * 24 + hours) * 60 + minutes) * 60 + seconds }

    /// The instant this long after the wall-clock time `start` in `zone`, as RFC 5545 §3.3.6
    /// counts it: years, months, weeks and days are nominal (the same local time that many days
    /// later, 23 or 25 hours across a clock change), hours, minutes and seconds exact elapsed time.
    public func instant(after start: LocalDateTime, in zone: ZoneRules) -> Int {
        zone.instant(of: calendarPartAfter(start)) + (hours * 60 + minutes) * 60 + seconds
    }

    /// The wall-clock time the calendar parts alone reach from `start`: the same time of day,
    /// that many days (months, years) later, which may fall in a change of the clocks.
    public func calendarPartAfter(_ start: LocalDateTime) -> LocalDateTime {
        start.adding(seconds: start.date.days(until: after(start.date)) * 86_400)
    }

    /// The date this long after `date` (calendar parts only).
    public func after(_ date: LocalDate) -> LocalDate { date.adding(months: years * 12 + months).adding(days: days) }

    /// The date this long before `date` (calendar parts only).
    public func before(_ date: LocalDate) -> LocalDate { date.adding(months: -(years * 12 + months)).adding(days: -days) }

    public var description: String { text }
}
