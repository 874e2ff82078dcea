import Foundation

extension MailMessage {
    /// `seconds` as an RFC 5322 §3.3 date in UTC, e.g. "Mon, 26 Nov 2012 09:00:00 +0000". The POSIX
    /// locale keeps day and month names English whatever the user's locale is.
    static func rfc5322Date(_ seconds: Int) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}
