import CalendarTime

extension MailMessage {
    /// `seconds` as an RFC 5322 §3.3 date in UTC, e.g. "Mon, 26 Nov 2012 09:00:00 +0000", with
    /// English day and month names whatever the user's locale is.
    ///
    /// Written from the calendar date rather than by Foundation's DateFormatter, which set up
    /// its ICU formatter again for every message: 590,000 instructions each, a fifth of a cron
    /// run's `remind` over an organisation's 7,000 digests.
    static func rfc5322Date(_ seconds: Int) -> String {
        let time = LocalDateTime(secondsSinceEpoch: seconds)
        let date = time.date
        return "\(weekdays[date.isoWeekday - 1]), \(two(date.day)) \(months[date.month - 1]) \(date.year) "
            + "\(two(time.hour)):\(two(time.minute)):\(two(time.second)) +0000"
    }

    private static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
