import CalendarTime

/// Days as people read them in mail: "Thu 17 Sep", with the year only when it is not the year
/// of the day the message is written ("Tue 5 Jan 2027" in a December digest), and how far a day
/// is from today ("in 7 days", "tomorrow", "3 days ago").
///
/// Messages never show an ISO date (`2026-09-17`) or a bare count of days to a member: both are
/// the tool's words, not hers.
public enum HumanDate {
    /// "Thu 17 Sep", or "Thu 17 Sep 2027" when `date` is not in `today`'s year.
    public static func day(_ date: LocalDate, from today: LocalDate) -> String {
        SessionText.day(date, omittingYear: today.year)
    }

    /// "today", "tomorrow", "yesterday", "in 7 days", "3 days ago".
    public static func relative(_ date: LocalDate, from today: LocalDate) -> String {
        let days = today.days(until: date)
        switch days {
        case 0: return "today"
        case 1: return "tomorrow"
        case -1: return "yesterday"
        case 2...: return "in " + Plural.count(days, "day")
        default: return Plural.count(-days, "day") + " ago"
        }
    }
}
