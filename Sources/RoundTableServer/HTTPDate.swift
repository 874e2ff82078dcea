import CalendarTime

/// HTTP dates (RFC 9110 §5.6.7) in their one current form, IMF-fixdate:
/// `Sun, 06 Nov 1994 08:49:37 GMT`. The obsolete forms are not read: a date the server cannot
/// read is ignored, as the RFC allows, and the client gets the whole representation.
enum HTTPDate {
    private static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `seconds` since the epoch as an IMF-fixdate.
    static func format(_ seconds: Int) -> String {
        let time = LocalDateTime(secondsSinceEpoch: seconds)
        let date = time.date
        return "\(weekdays[date.isoWeekday - 1]), \(two(date.day)) \(months[date.month - 1]) \(date.year) "
            + "\(two(time.hour)):\(two(time.minute)):\(two(time.second)) GMT"
    }

    /// The seconds since the epoch an IMF-fixdate names; nil for anything else.
    static func parse(_ text: some StringProtocol) -> Int? {
        let parts = text.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0].count == 4, parts[0].hasSuffix(","), weekdays.contains(String(parts[0].dropLast())),
              parts[5] == "GMT", parts[1].count == 2, let day = Int(parts[1]), let month = months.firstIndex(of: String(parts[2])),
              parts[3].count == 4, let year = Int(parts[3]) else { return nil }
        let clock = parts[4].split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 3, clock.allSatisfy({ $0.count == 2 }),
              let hour = Int(clock[0]), let minute = Int(clock[1]), let second = Int(clock[2]),
              let date = LocalDate(year: year, month: month + 1, day: day),
              let time = LocalDateTime(date: date, hour: hour, minute: minute, second: second) else { return nil }
        return time.secondsSinceEpoch
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
