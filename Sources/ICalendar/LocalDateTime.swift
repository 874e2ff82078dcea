/// A wall-clock date and time with no zone attached: "26 Oct 2012, 10:30" as a person in Poole reads it.
///
/// The zone lives beside it (the series timezone, or a TZID parameter), never inside it, so that a
/// value read from a schedule is never silently shifted to UTC.
public struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let date: LocalDate
    public let hour: Int
    public let minute: Int
    public let second: Int

    /// Builds a date-time, or nil when the time of day is out of range.
    public init?(date: LocalDate, hour: Int, minute: Int, second: Int = 0) {
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second) else { return nil }
        self.date = date
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// The date-time `seconds` seconds after 1970-01-01T00:00:00 on the same wall clock.
    public init(secondsSinceEpoch s: Int) {
        let days = s >= 0 ? s / 86_400 : (s - 86_399) / 86_400
        let rest = s - days * 86_400
        date = LocalDate(daysSinceEpoch: days)
        hour = rest / 3600
        minute = rest % 3600 / 60
        second = rest % 60
    }

    /// Parses `YYYY-MM-DDTHH:MM` or `YYYY-MM-DDTHH:MM:SS`.
    public init?(iso text: some StringProtocol) {
        let halves = text.split(separator: "T", omittingEmptySubsequences: false)
        guard halves.count == 2, let date = LocalDate(iso: halves[0]) else { return nil }
        let time = halves[1].split(separator: ":", omittingEmptySubsequences: false)
        guard time.count == 2 || time.count == 3, time.allSatisfy({ $0.count == 2 }),
              let h = Int(time[0]), let m = Int(time[1]) else { return nil }
        let s = time.count == 3 ? Int(time[2]) : 0
        guard let s else { return nil }
        self.init(date: date, hour: h, minute: m, second: s)
    }

    /// Seconds since 1970-01-01T00:00:00 on the same wall clock (as if it were UTC).
    public var secondsSinceEpoch: Int { date.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + second }

    /// The wall-clock time `seconds` later, with no zone rules applied.
    public func adding(seconds: Int) -> LocalDateTime { LocalDateTime(secondsSinceEpoch: secondsSinceEpoch + seconds) }

    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool { lhs.secondsSinceEpoch < rhs.secondsSinceEpoch }

    /// `YYYY-MM-DDTHH:MM:SS`.
    public var description: String { "\(date)T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))" }
}
