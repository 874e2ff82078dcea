import Foundation

/// One problem libical flagged while reading (an X-LIC-ERROR property): the component it was in
/// and, when libical's message names one, the property it damaged or dropped.
///
/// libical does not fail on malformed lines: it drops the line and leaves an X-LIC-ERROR in the
/// component where it stumbled, whose message is the only record of what was lost. A reader that
/// uses a few properties (a reply's METHOD, UID, ATTENDEE…) can then tell harmless damage (an
/// empty LOCATION, which Google Calendar writes) from damage to what it reads.
public struct ParseProblem: Hashable, Sendable, CustomStringConvertible {
    /// The component holding the X-LIC-ERROR, as libical names it: "VCALENDAR", "VEVENT", "VALARM"…
    public let component: String
    /// The damaged property's name, upper case, as libical's message gives it: "LOCATION", "X" for
    /// any vendor X-property, the unknown name itself for a name libical does not know. Nil when
    /// the message names none (a parameter it could not read, a line with no name): then any
    /// property may have been hit.
    public let property: String?
    /// libical's own message, which may quote the damaged text.
    public let message: String

    public init(component: String, message: String) {
        self.component = component
        self.message = message
        property = Self.propertyNamed(in: message)
    }

    public var description: String { message }

    /// libical 3.0's messages that name a property (icalparser.c): the text they start with, the
    /// text just before the name and just after it (empty: the name runs to the end). Matched at
    /// the start only, since libical appends the damaged text, which could mimic another message.
    private static let namingPatterns: [(start: String, before: String, after: String)] = [
        ("No value for ", "No value for ", " property."),
        ("Can't parse as ", " value in ", " property."),
        ("Parse error in property name: ", "Parse error in property name: ", ""),
    ]

    private static func propertyNamed(in message: String) -> String? {
        for (start, before, after) in namingPatterns where message.hasPrefix(start) {
            guard let nameStart = message.range(of: before)?.upperBound else { return nil }
            let rest = message[nameStart...]
            guard let nameEnd = after.isEmpty ? rest.endIndex : rest.range(of: after)?.lowerBound, nameEnd > nameStart else { return nil }
            return rest[..<nameEnd].uppercased()
        }
        return nil
    }
}
