import CalendarTime

/// Days on which no reminder goes out (`quiet-days:` in the policy): weekdays and month-days such
/// as 25 December. A reminder whose day is quiet goes on the next day that is not: a run on a
/// quiet day sends nothing, and the first run after it finds the reminder still owed (its
/// trigger day has passed and the ledger does not hold it), so it is neither lost nor doubled.
public struct QuietDays: Hashable, Sendable {
    /// ISO weekdays, 1 = Monday … 7 = Sunday.
    public let weekdays: Set<Int>
    /// Days of the year, as month × 100 + day (1225 for 25 December).
    public let dates: Set<Int>

    public init(weekdays: Set<Int> = [], dates: Set<Int> = []) {
        self.weekdays = weekdays
        self.dates = dates
    }

    /// The weekday names `quiet-days:` accepts, Monday first.
    public static let weekdayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    /// Reads one entry of `quiet-days:`: a weekday (`sat`, `Saturday`) or a month-day (`12-25`);
    /// nil when it is neither. 02-29 is a quiet day only in leap years.
    public static func entry(_ text: String) -> (weekday: Int?, date: Int?)? {
        let word = text.lowercased()
        if word.count >= 3, let index = weekdayNames.firstIndex(where: { word.hasPrefix($0) }),
           (weekdayNames[index] == word || fullNames[index] == word) {
            return (index + 1, nil)
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
              let month = Int(parts[0]), let day = Int(parts[1]),
              (1...12).contains(month), day >= 1, day <= LocalDate.daysIn(year: 2000, month: month) else { return nil }
        return (nil, month * 100 + day)
    }

    private static let fullNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    /// Whether nothing is sent on `day`.
    public func isQuiet(_ day: LocalDate) -> Bool {
        weekdays.contains(day.isoWeekday) || dates.contains(day.month * 100 + day.day)
    }

    /// `day` itself if it is not quiet, else the first day after it that is not; nil when every
    /// day is quiet (all seven weekdays), when no reminder can ever go.
    public func firstOpen(onOrAfter day: LocalDate) -> LocalDate? {
        guard weekdays.count < 7 else { return nil }
        var day = day
        // At most seven weekdays and a run of listed dates can be quiet in a row.
        while isQuiet(day) { day = day.adding(days: 1) }
        return day
    }
}
