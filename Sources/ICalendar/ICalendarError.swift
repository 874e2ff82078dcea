/// What can go wrong turning text into a calendar or a calendar into text.
public enum ICalendarError: Error, Equatable, Sendable, CustomStringConvertible {
    /// libical could not read the text at all.
    case unreadable(String)
    /// libical read the text but flagged problems (its X-LIC-ERROR properties), one message each.
    case problems([String])
    /// A property or parameter name or value libical refuses to build.
    case invalid(String)
    /// Components nest deeper than `limit` (BEGIN: inside BEGIN:); the text was not read.
    case tooDeep(limit: Int)
    /// A physical line is longer than `limit` octets; the text was not read.
    case lineTooLong(line: Int, limit: Int)
    /// The text holds more than `limit` content lines and parameters; it was not read.
    case tooManyItems(limit: Int)

    public var description: String {
        switch self {
        case .unreadable(let why): return "The calendar could not be read: \(why)."
        case .problems(let list): return "The calendar has problems: " + list.joined(separator: "; ")
        case .invalid(let why): return "Cannot build the calendar: \(why)."
        case .tooDeep(let limit):
            return "The calendar nests components more than \(limit) deep (BEGIN: inside BEGIN:); no calendar client writes that, so it was not read."
        case .lineTooLong(let line, let limit):
            return "Line \(line) of the calendar is longer than \(limit) octets; calendar clients fold lines at 75, so it was not read."
        case .tooManyItems(let limit):
            return "The calendar holds more than \(limit) lines and parameters; a reply holds a few dozen, so it was not read."
        }
    }
}
