import Foundation

/// The variables of the process's environment that the options read one at a time.
enum Environment {
    /// The value of `name`; nil when it is unset or empty, which every variable of ours treats
    /// alike. Read with getenv, not through ProcessInfo's `environment`, which copies every
    /// variable into a new Dictionary each time it is asked: 0.4 M instructions a time, several
    /// times in each cron run (docs/performance.md, remind, second pass).
    static func value(_ name: String) -> String? {
        guard let value = getenv(name), value.pointee != 0 else { return nil }
        return String(cString: value)
    }
}
