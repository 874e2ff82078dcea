import CalendarTime
import Foundation
import RoundTableCore

/// The one place the CLI reads the time.
///
/// `ROUNDTABLE_NOW` (an ISO 8601 instant such as `2012-08-30T23:30:00Z`) replaces the system
/// clock, so tests and reproducible demos can run "at" any moment. A value that is not such an
/// instant is refused before any command runs (exit 64): silently falling back to the real
/// clock would send a test's or a demo's mail as of today.
enum Clock {
    /// Seconds since the epoch.
    static func now() -> Int {
        if case .success(let instant?) = standIn { return instant }
        return Int(Date().timeIntervalSince1970)
    }

    /// Why `ROUNDTABLE_NOW` cannot be used, if it is set and cannot.
    static var problem: String? {
        guard case .failure(let refused) = standIn else { return nil }
        return refused.message
    }

    private struct Refused: Error { let message: String }

    /// `ROUNDTABLE_NOW` read once: nil when unset or empty.
    private static let standIn: Result<Int?, Refused> = {
        guard let text = Environment.value("ROUNDTABLE_NOW") else { return .success(nil) }
        guard let date = ISO8601DateFormatter().date(from: text) else {
            return .failure(Refused(message: "ROUNDTABLE_NOW '\(Excerpt.of(text))' is not an ISO 8601 instant "
                + "such as 2012-11-26T09:00:00Z; unset it to use the system clock."))
        }
        let seconds = Int(date.timeIntervalSince1970)
        guard SupportedYears.contains(LocalDateTime(secondsSinceEpoch: seconds).date) else {
            return .failure(Refused(message: SupportedYears.refusal("ROUNDTABLE_NOW", text)))
        }
        return .success(seconds)
    }()
}
