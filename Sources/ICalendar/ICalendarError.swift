/// What can go wrong turning text into a calendar or a calendar into text.
public enum ICalendarError: Error, Equatable, Sendable, CustomStringConvertible {
    /// libical could not read the text at all.
    case unreadable(String)
    /// libical read the text but flagged problems (its X-LIC-ERROR properties), one message each.
    case problems([String])
    /// A property or parameter name or value libical refuses to build.
    case invalid(String)
    /// The IANA zone name is not known to the system's zoneinfo.
    case unknownTimeZone(String)

    public var description: String {
        switch self {
        case .unreadable(let why): return "The calendar could not be read: \(why)."
        case .problems(let list): return "The calendar has problems: " + list.joined(separator: "; ")
        case .invalid(let why): return "Cannot build the calendar: \(why)."
        case .unknownTimeZone(let name): return "Unknown time zone '\(name)'. Use an IANA name such as 'Europe/London'."
        }
    }
}
