import Foundation

/// The one place the CLI reads the time.
///
/// `ROUNDTABLE_NOW` (an ISO 8601 instant such as `2012-08-30T23:30:00Z`) replaces the system
/// clock, so tests and reproducible demos can run "at" any moment.
enum Clock {
    /// Seconds since the epoch.
    static func now() -> Int {
        if let text = ProcessInfo.processInfo.environment["ROUNDTABLE_NOW"],
           let date = ISO8601DateFormatter().date(from: text) {
            return Int(date.timeIntervalSince1970)
        }
        return Int(Date().timeIntervalSince1970)
    }
}
