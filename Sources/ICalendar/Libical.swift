import CLibical
import Foundation
import Synchronization

/// libical keeps process-wide state (its error number, its zone cache, its ring buffer of
/// temporary strings) with no locking, so every call into it goes through this one lock and no
/// libical pointer ever leaves the closure that made it.
enum Libical {
    private static let lock = Mutex(())

    static func run<T>(_ body: () throws -> T) rethrows -> T {
        try lock.withLock { _ in try body() }
    }

    /// Copies a C string libical owns; libical answers NULL for names and values it does not
    /// know (a fuzzer found one), which reads as empty rather than crashing.
    static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    /// Copies a C string that the caller must free, and frees it.
    static func takeString(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}

/// libical finds property and parameter kinds by name, and names by kind, with a linear search
/// (`strcasecmp` over a hundred names: about a tenth of the work of writing a calendar), and its
/// property name getter allocates and clears a 256-byte buffer each time. The answers never
/// change, so they are read into tables once per process, and every answer here is the one the
/// libical call named beside it gives.
extension Libical {
    /// libical 3.0 numbers property and parameter kinds below 130; kinds past the tables are
    /// asked of libical each time.
    private static let tableSize: UInt32 = 256

    private static let propertyNames: [String] = (0..<tableSize).map {
        string(icalproperty_kind_to_string(icalproperty_kind($0)))
    }

    private static let propertyKinds: [String: icalproperty_kind] = Dictionary(
        propertyNames.filter { !$0.isEmpty }.map { ($0, $0.withCString(icalproperty_string_to_kind)) },
        uniquingKeysWith: { first, _ in first })

    private static let parameterNames: [String] = (0..<tableSize).map {
        string(icalparameter_kind_to_string(icalparameter_kind($0)))
    }

    private static let parameterKinds: [String: icalparameter_kind] = Dictionary(
        parameterNames.filter { !$0.isEmpty }.map { ($0, $0.withCString(icalparameter_string_to_kind)) },
        uniquingKeysWith: { first, _ in first })

    /// `icalproperty_string_to_kind(name)`.
    static func propertyKind(_ name: String) -> icalproperty_kind {
        propertyKinds[name] ?? name.withCString(icalproperty_string_to_kind)
    }

    /// `icalproperty_get_property_name(property)`, read as a String.
    static func propertyName(_ property: OpaquePointer) -> String {
        let kind = icalproperty_isa(property)
        guard kind != ICAL_X_PROPERTY, kind.rawValue < tableSize else { return string(icalproperty_get_property_name(property)) }
        return propertyNames[Int(kind.rawValue)]
    }

    /// `icalparameter_string_to_kind(name)`.
    static func parameterKind(_ name: String) -> icalparameter_kind {
        parameterKinds[name] ?? name.withCString(icalparameter_string_to_kind)
    }

    /// The parameter's name: its X- name as written, else the name of its kind.
    static func parameterName(_ parameter: OpaquePointer) -> String {
        let kind = icalparameter_isa(parameter)
        if kind == ICAL_X_PARAMETER, let x = icalparameter_get_xname(parameter) { return string(x) }
        guard kind.rawValue < tableSize else { return string(icalparameter_kind_to_string(kind)) }
        return parameterNames[Int(kind.rawValue)]
    }

    /// The parameter's value as `icalparameter_as_ical_string_r` writes it after the `=`, with
    /// surrounding quotes removed.
    ///
    /// Writing each parameter out (into a cleared 1 KB buffer) and cutting the text up again was
    /// a fifth of the cost of reading a calendar; the usual values are read directly instead:
    /// text that libical writes unchanged, and the enumerated values of an invitation's ATTENDEE
    /// (CUTYPE, ROLE, PARTSTAT, RSVP). Anything else takes the long way.
    static func parameterValue(_ parameter: OpaquePointer) -> String {
        if let text = icalparameter_get_xvalue(parameter) {
            if let verbatim = verbatimParameterText(text) { return verbatim }
        } else if let name = enumeratedValueName(parameter) {
            return name
        }
        let text = takeString(icalparameter_as_ical_string_r(parameter))
        // as_ical_string gives NAME=value (value quoted when it holds ;:,): keep the value.
        var value = String(text.drop { $0 != "=" }.dropFirst())
        if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
            value = String(value.dropFirst().dropLast())
        }
        return value
    }

    /// The text when libical writes it unchanged (not empty, nothing it quotes for or encodes
    /// as RFC 6868 asks: its `icalparameter_is_safe_char` for an unquoted value), else nil.
    /// Text starting with a non-ASCII byte takes the long way too: there a combining mark joins
    /// the `=` before it into one Character, which the long way reads differently.
    private static func verbatimParameterText(_ text: UnsafePointer<CChar>) -> String? {
        let bytes = UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self)
        guard bytes[0] != 0, bytes[0] < 0x80 else { return nil }
        var count = 0
        while bytes[count] != 0 {
            switch bytes[count] {
            case 0x09, 0x20, 0x21, 0x23...0x2B, 0x2D...0x39, 0x3C...0x7E, 0x80...0xF8: count += 1
            default: return nil
            }
        }
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    /// The names of one enumerated parameter's values (`icalparameter_enum_to_string`), by
    /// offset from its `_X` value: libical numbers each enumeration within a block of 100.
    private static func enumerationNames(from first: UInt32) -> [String?] {
        (first..<first + 100).map { icalparameter_enum_to_string(Int32($0)).map { String(cString: $0) } }
    }

    private static let cutypeNames = enumerationNames(from: ICAL_CUTYPE_X.rawValue)
    private static let roleNames = enumerationNames(from: ICAL_ROLE_X.rawValue)
    private static let partstatNames = enumerationNames(from: ICAL_PARTSTAT_X.rawValue)
    private static let rsvpNames = enumerationNames(from: ICAL_RSVP_X.rawValue)

    /// The name of the enumerated value of one of an ATTENDEE's usual parameters, when libical
    /// has one for it; nil for every other parameter.
    private static func enumeratedValueName(_ parameter: OpaquePointer) -> String? {
        let offset: Int
        let names: [String?]
        switch icalparameter_isa(parameter) {
        case ICAL_CUTYPE_PARAMETER:
            (offset, names) = (Int(icalparameter_get_cutype(parameter).rawValue) - Int(ICAL_CUTYPE_X.rawValue), cutypeNames)
        case ICAL_ROLE_PARAMETER:
            (offset, names) = (Int(icalparameter_get_role(parameter).rawValue) - Int(ICAL_ROLE_X.rawValue), roleNames)
        case ICAL_PARTSTAT_PARAMETER:
            (offset, names) = (Int(icalparameter_get_partstat(parameter).rawValue) - Int(ICAL_PARTSTAT_X.rawValue), partstatNames)
        case ICAL_RSVP_PARAMETER:
            (offset, names) = (Int(icalparameter_get_rsvp(parameter).rawValue) - Int(ICAL_RSVP_X.rawValue), rsvpNames)
        default:
            return nil
        }
        return names.indices.contains(offset) ? names[offset] : nil
    }
}
