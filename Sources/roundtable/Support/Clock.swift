import CalendarTime
import Foundation
import RoundTableCore

/// What time it is, for a command: the one place the CLI reads the system clock.
///
/// `ROUNDTABLE_NOW` (an ISO 8601 instant such as `2012-08-30T23:30:00Z`) replaces the system
/// clock, so tests and reproducible demos can run "at" any moment. A value that is not such an
/// instant is refused before any command runs (exit 64): silently falling back to the real
/// clock would send a test's or a demo's mail as of today.
struct Clock: Sendable {
    /// The instant `ROUNDTABLE_NOW` names; nil for the system clock.
    private let standIn: Int?
    /// Why `ROUNDTABLE_NOW` cannot be used, if it is set and cannot.
    let problem: String?

    /// The clock the process's environment asks for, worked out once.
    static let process = Clock(environment: .process)

    /// Seconds since the epoch.
    func now() -> Int {
        standIn ?? Int(Date().timeIntervalSince1970)
    }

    /// The clock `environment`'s `ROUNDTABLE_NOW` names, or the system clock when it is unset or empty.
    init(environment: Environment) {
        guard let text = environment.value("ROUNDTABLE_NOW") else {
            (standIn, problem) = (nil, nil)
            return
        }
        let seconds = ISO8601DateFormatter().date(from: text).map { Int($0.timeIntervalSince1970) }
        if seconds == nil {
            problem = "ROUNDTABLE_NOW '\(Excerpt.of(text))' is not an ISO 8601 instant "
                + "such as 2012-11-26T09:00:00Z; unset it to use the system clock."
        } else if let seconds, !SupportedYears.contains(LocalDateTime(secondsSinceEpoch: seconds).date) {
            problem = SupportedYears.refusal("ROUNDTABLE_NOW", text)
        } else {
            problem = nil
        }
        standIn = problem == nil ? seconds : nil
    }
}
