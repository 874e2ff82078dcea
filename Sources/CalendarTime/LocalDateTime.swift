/// A wall-clock date and time with no zone attached: "26 Oct 2012, 10:30" as a person in Poole reads it.
///
/// The zone lives beside it (the series timezone, or a TZID parameter), never inside it, so that a
/// value read from a schedule is never silently shifted to UTC.
///
/// Hour, minute and second take a byte each, for the reason `LocalDate` gives.
public struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let date: LocalDate
    private let storedHour: UInt8
    private let storedMinute: UInt8
    private let storedSecond: UInt8

    public var hour: Int { Int(storedHour) }
    public var minute: Int { Int(storedMinute) }
    public var second: Int { Int(storedSecond) }

    /// Builds a date-time, or nil when the time of day is out of range.
    public init?(date: LocalDate, hour: Int, minute: Int, second: Int = 0) {
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second) else { return nil }
        self.date = date
        storedHour = UInt8(hour)
        storedMinute = UInt8(minute)
        storedSecond = UInt8(second)
    }

    /// The date-time `seconds` seconds after 1970-01-01T00:00:00 on the same wall clock.
    public init(secondsSinceEpoch s: Int) {
        let days = s >= 0 ? s / 86_400 : (s - 86_399) / 86_400
        let rest = s - days * 86_400
        date = LocalDate(daysSinceEpoch: days)
        storedHour = UInt8(rest / 3600)
        storedMinute = UInt8(rest % 3600 / 60)
        storedSecond = UInt8(rest % 60)
    }

    /// Parses `YYYY-MM-DDTHH:MM` or `YYYY-MM-DDTHH:MM:SS`.
    public init?(iso text: some StringProtocol) {
        guard let n = FixedDigits.numbers(in: text, shape: "9999-99-99T99:99:99")
                ?? FixedDigits.numbers(in: text, shape: "9999-99-99T99:99"),
              let date = LocalDate(year: n[0], month: n[1], day: n[2]) else { return nil }
        self.init(date: date, hour: n[3], minute: n[4], second: n.count == 6 ? n[5] : 0)
    }

    /// The form a UTC time is kept in (the state's sent times, a records file): `2012-11-08T09:00:00Z`.
    public var utcText: String { "\(self)Z" }

    /// Reads `utcText` back; nil for anything else (no `Z`, a time that does not exist).
    public init?(utcText text: some StringProtocol) {
        guard text.hasSuffix("Z") else { return nil }
        self.init(iso: text.dropLast())
    }

    /// Seconds since 1970-01-01T00:00:00 on the same wall clock (as if it were UTC).
    public var secondsSinceEpoch: Int { date.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + second }

    /// The wall-clock time `seconds` later, with no zone rules applied.
    public func adding(seconds: Int) -> LocalDateTime { LocalDateTime(secondsSinceEpoch: secondsSinceEpoch + seconds) }

    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool { lhs.secondsSinceEpoch < rhs.secondsSinceEpoch }

    /// `YYYY-MM-DDTHH:MM:SS`.
    public var description: String { "\(date)T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))" }
}
