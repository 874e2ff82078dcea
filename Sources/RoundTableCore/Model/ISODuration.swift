import ICalendar

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
        self.text = text
        var rest = Substring(text)
        guard rest.first == "P" else { return nil }
        rest = rest.dropFirst()
        var inTime = false, sawPart = false, number = ""
        for ch in rest {
            if ch.isASCII && ch.isNumber { number.append(ch); continue }
            if ch == "T" {
                guard !inTime, number.isEmpty else { return nil }
                inTime = true
                continue
            }
            guard let n = Int(number) else { return nil }
            number = ""
            sawPart = true
            switch (inTime, ch) {
            case (false, "Y"): years += n
            case (false, "M"): months += n
            case (false, "W"): days += 7 * n
            case (false, "D"): days += n
            case (true, "H"): hours += n
            case (true, "M"): minutes += n
            case (true, "S"): seconds += n
            default: return nil
            }
        }
        guard number.isEmpty, sawPart, !(inTime && text.hasSuffix("T")) else { return nil }
    }

    /// Whether the duration is whole days, weeks, months or years (what a deadline offset needs).
    public var isCalendarOnly: Bool { hours == 0 && minutes == 0 && seconds == 0 }

    /// The clock length in seconds, counting a day as 24 hours; months and years have no fixed length.
    public var totalSeconds: Int { ((days * 24 + hours) * 60 + minutes) * 60 + seconds }

    /// The date this long after `date` (calendar parts only).
    public func after(_ date: LocalDate) -> LocalDate { date.adding(months: years * 12 + months).adding(days: days) }

    /// The date this long before `date` (calendar parts only).
    public func before(_ date: LocalDate) -> LocalDate { date.adding(months: -(years * 12 + months)).adding(days: -days) }

    public var description: String { text }
}
