import CalendarTime
import Foundation

/// One iCalendar component (VCALENDAR, VEVENT, VTODO, VALARM, VTIMEZONE, …) as a plain value.
///
/// The project builds and inspects calendars as values and lets libical do the byte-level work
/// (escaping, folding, CRLF), so no libical memory outlives a single call.
public struct Component: Hashable, Sendable {
    public var name: String
    public var properties: [Property]
    public var components: [Component]

    public init(_ name: String, properties: [Property] = [], components: [Component] = []) {
        self.name = name.uppercasedName
        self.properties = properties
        self.components = components
    }

    /// The first property with this name.
    public func property(_ name: String) -> Property? {
        let wanted = name.uppercasedName
        return properties.first { $0.name == wanted }
    }

    /// Every property with this name, in order.
    public func properties(_ name: String) -> [Property] {
        let wanted = name.uppercasedName
        // Counted first: `filter` grows its result as it goes, reallocating it each time.
        var found: [Property] = []
        found.reserveCapacity(properties.count { $0.name == wanted })
        for property in properties where property.name == wanted {
            found.append(property)
        }
        return found
    }

    /// The direct sub-components with this name.
    public func components(_ name: String) -> [Component] {
        let wanted = name.uppercasedName
        return components.filter { $0.name == wanted }
    }

    /// Appends a property.
    public mutating func add(_ name: String, _ value: Value, _ parameters: [Parameter] = []) {
        properties.append(Property(name, value, parameters))
    }
}

/// A content line: name, parameters and one typed value.
public struct Property: Hashable, Sendable {
    public var name: String
    public var value: Value
    public var parameters: [Parameter]
    /// The UTC instant libical resolved for a DATE-TIME when parsing (through the calendar's own
    /// VTIMEZONE for a TZID); nil for other values and for properties built in Swift.
    public var instant: Date?

    public init(_ name: String, _ value: Value, _ parameters: [Parameter] = [], instant: Date? = nil) {
        self.name = name.uppercasedName
        self.value = value
        self.parameters = parameters
        self.instant = instant
    }

    /// The value of the first parameter with this name.
    public func parameter(_ name: String) -> String? {
        let wanted = name.uppercasedName
        return parameters.first { $0.name == wanted }?.value
    }
}

/// A property parameter such as `TZID=Europe/London` or `PARTSTAT=ACCEPTED`.
public struct Parameter: Hashable, Sendable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name.uppercasedName
        self.value = value
    }
}

/// A property value, typed as RFC 5545 types it, so libical writes each in its own syntax.
public enum Value: Hashable, Sendable {
    case text(String)
    case integer(Int)
    case date(LocalDate)
    /// A wall-clock time; pair it with a TZID parameter (or leave it floating).
    case localDateTime(LocalDateTime)
    /// A UTC time, written with a trailing Z.
    case utcDateTime(LocalDateTime)
    /// An RFC 5545 duration such as `PT3H30M` or `-P7D`.
    case duration(String)
    /// A `mailto:` address.
    case calAddress(String)
    /// An RRULE body such as `FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU`.
    case recurrence(String)
    /// A UTC offset in seconds east of Greenwich.
    case utcOffset(Int)
    /// A URI.
    case uri(String)

    /// The value as text (TEXT unescaped, other types in their iCalendar form).
    public var text: String {
        switch self {
        case .text(let s), .duration(let s), .calAddress(let s), .recurrence(let s), .uri(let s): return s
        case .integer(let n): return String(n)
        case .date(let d): return d.compact
        case .localDateTime(let t): return t.compact
        case .utcDateTime(let t): return t.compact + "Z"
        case .utcOffset(let seconds):
            let sign = seconds < 0 ? "-" : "+"
            let a = abs(seconds)
            return sign + pad(a / 3600, 2) + pad(a % 3600 / 60, 2) + (a % 60 == 0 ? "" : pad(a % 60, 2))
        }
    }
}

extension String {
    /// The string in upper case, as names are kept and compared. Names are nearly always upper
    /// case already, and are then returned as they are rather than rebuilt.
    var uppercasedName: String {
        let asIs = utf8.withContiguousStorageIfAvailable { bytes in
            !bytes.contains { $0 >= 0x61 && $0 <= 0x7A || $0 >= 0x80 }
        }
        return asIs == true ? self : uppercased()
    }
}

extension LocalDate {
    /// `YYYYMMDD`, the iCalendar DATE form.
    public var compact: String { pad(year, 4) + pad(month, 2) + pad(day, 2) }
}

extension LocalDateTime {
    /// `YYYYMMDDTHHMMSS`, the iCalendar DATE-TIME form without a zone.
    public var compact: String { date.compact + "T" + pad(hour, 2) + pad(minute, 2) + pad(second, 2) }
}
