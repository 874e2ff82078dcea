import RoundTableCore

/// Why the server cannot start (or keeps the series as it last read it), with the exit code the
/// command contract gives each.
public enum ServeError: Error, CustomStringConvertible {
    case scheduleUnreadable(path: String)
    case badSchedule([Diagnostic])
    case badListenAddress(String)
    case badBaseURL(String)

    public var description: String {
        switch self {
        case .scheduleUnreadable(let path):
            "The schedule '\(path)' cannot be read (check the path and its permissions)."
        case .badSchedule(let problems):
            problems.map(\.description).joined(separator: "\n")
        case .badListenAddress(let text):
            "'\(text)' is not an address to listen on. Give HOST:PORT, such as 127.0.0.1:8080 or [::1]:8080."
        case .badBaseURL(let text):
            "'\(text)' is not a base URL. Give the address the pages are reached at, such as https://example.org/roundtable."
        }
    }

    /// 66 for a file that is not there, 65 for a schedule with errors, 64 for a bad option.
    public var exitCode: Int32 {
        switch self {
        case .scheduleUnreadable: 66
        case .badSchedule: 65
        case .badListenAddress, .badBaseURL: 64
        }
    }
}
