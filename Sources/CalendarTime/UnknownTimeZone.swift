/// A time zone name the system's zoneinfo does not know, or one that is not an IANA name.
///
/// A schedule names its zone once and every time in it depends on that name, so the message
/// says what to write instead.
public struct UnknownTimeZone: Error, Equatable, Sendable, CustomStringConvertible {
    public let name: String

    public init(_ name: String) { self.name = name }

    public var description: String { "Unknown time zone '\(name)'. Use an IANA name such as 'Europe/London'." }
}
