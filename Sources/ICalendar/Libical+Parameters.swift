import CLibical

/// Parameter values in both directions: read out of libical's parameters, and made into them.
extension Libical {
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

    /// The other way round: an enumerated value's number by its name.
    private static func enumerationNumbers(_ names: [String?], from first: UInt32) -> ShortNameTable<UInt32> {
        ShortNameTable(names.enumerated().compactMap { offset, name in name.map { ($0, first + UInt32(offset)) } })
    }

    private static let cutypeNumbers = enumerationNumbers(cutypeNames, from: ICAL_CUTYPE_X.rawValue)
    private static let roleNumbers = enumerationNumbers(roleNames, from: ICAL_ROLE_X.rawValue)
    private static let partstatNumbers = enumerationNumbers(partstatNames, from: ICAL_PARTSTAT_X.rawValue)
    private static let rsvpNumbers = enumerationNumbers(rsvpNames, from: ICAL_RSVP_X.rawValue)

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

    /// `icalparameter_new_from_value_string(kind, value)`.
    ///
    /// That call searches libical's list of every enumerated value of every parameter, a
    /// tenth of the work of building a calendar's parameters. The parameters of an invitation
    /// (CN, TZID, and ATTENDEE's CUTYPE, ROLE, PARTSTAT and RSVP in the names libical writes)
    /// are made with the typed constructors instead, which give the same parameter.
    static func makeParameter(_ kind: icalparameter_kind, _ value: String) -> OpaquePointer? {
        let typed: OpaquePointer?
        switch kind {
        case ICAL_CN_PARAMETER: typed = value.withCString(icalparameter_new_cn)
        case ICAL_TZID_PARAMETER: typed = value.withCString(icalparameter_new_tzid)
        case ICAL_CUTYPE_PARAMETER: typed = cutypeNumbers[value].flatMap { icalparameter_new_cutype(icalparameter_cutype($0)) }
        case ICAL_ROLE_PARAMETER: typed = roleNumbers[value].flatMap { icalparameter_new_role(icalparameter_role($0)) }
        case ICAL_PARTSTAT_PARAMETER: typed = partstatNumbers[value].flatMap { icalparameter_new_partstat(icalparameter_partstat($0)) }
        case ICAL_RSVP_PARAMETER: typed = rsvpNumbers[value].flatMap { icalparameter_new_rsvp(icalparameter_rsvp($0)) }
        default: typed = nil
        }
        return typed ?? value.withCString { icalparameter_new_from_value_string(kind, $0) }
    }
}
