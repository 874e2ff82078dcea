import CLibical
import Foundation

extension Component {
    /// Parses iCalendar text with libical and returns the top component (usually VCALENDAR).
    ///
    /// libical does not fail on malformed lines: it keeps going and leaves X-LIC-ERROR properties
    /// where it stumbled. Those are collected and thrown as `ICalendarError.problems`, so a
    /// half-read calendar is never mistaken for a good one.
    public static func parse(_ text: String) throws -> Component {
        try Libical.run {
            guard let raw = text.withCString(icalparser_parse_string) else {
                throw ICalendarError.unreadable("no calendar component found")
            }
            defer { icalcomponent_free(raw) }
            let problems = libicalProblems(in: raw)
            guard problems.isEmpty else { throw ICalendarError.problems(problems) }
            return Component(libical: raw, root: raw)
        }
    }

    private static func libicalProblems(in component: OpaquePointer) -> [String] {
        var found: [String] = []
        var p = icalcomponent_get_first_property(component, ICAL_XLICERROR_PROPERTY)
        while let property = p {
            found.append(Libical.string(icalproperty_get_xlicerror(property)))
            p = icalcomponent_get_next_property(component, ICAL_XLICERROR_PROPERTY)
        }
        var c = icalcomponent_get_first_component(component, ICAL_ANY_COMPONENT)
        while let child = c {
            found += libicalProblems(in: child)
            c = icalcomponent_get_next_component(component, ICAL_ANY_COMPONENT)
        }
        return found
    }

    private init(libical raw: OpaquePointer, root: OpaquePointer) {
        name = Libical.string(icalcomponent_kind_to_string(icalcomponent_isa(raw)))
        properties = []
        properties.reserveCapacity(Int(icalcomponent_count_properties(raw, ICAL_ANY_PROPERTY)))
        var p = icalcomponent_get_first_property(raw, ICAL_ANY_PROPERTY)
        while let property = p {
            properties.append(Property(libical: property, root: root))
            p = icalcomponent_get_next_property(raw, ICAL_ANY_PROPERTY)
        }
        components = []
        components.reserveCapacity(Int(icalcomponent_count_components(raw, ICAL_ANY_COMPONENT)))
        var c = icalcomponent_get_first_component(raw, ICAL_ANY_COMPONENT)
        while let child = c {
            components.append(Component(libical: child, root: root))
            c = icalcomponent_get_next_component(raw, ICAL_ANY_COMPONENT)
        }
    }
}

extension Property {
    fileprivate init(libical raw: OpaquePointer, root: OpaquePointer) {
        name = Libical.propertyName(raw)
        parameters = []
        let parameterCount = Int(icalproperty_count_parameters(raw))
        if parameterCount > 0 { parameters.reserveCapacity(parameterCount) }
        var p = icalproperty_get_first_parameter(raw, ICAL_ANY_PARAMETER)
        while let parameter = p {
            parameters.append(Parameter(Libical.parameterName(parameter), Libical.parameterValue(parameter)))
            p = icalproperty_get_next_parameter(raw, ICAL_ANY_PARAMETER)
        }
        let tzid = parameters.first { $0.name == "TZID" }?.value
        (value, instant) = Property.readValue(icalproperty_get_value(raw), tzid: tzid, root: root)
    }

    private static func readValue(_ raw: OpaquePointer?, tzid: String?, root: OpaquePointer) -> (Value, Date?) {
        guard let raw else { return (.text(""), nil) }
        switch icalvalue_isa(raw) {
        case ICAL_TEXT_VALUE:
            return (.text(Libical.string(icalvalue_get_text(raw))), nil)
        case ICAL_X_VALUE:
            return (.text(Libical.string(icalvalue_get_x(raw))), nil)
        case ICAL_INTEGER_VALUE:
            return (.integer(Int(icalvalue_get_integer(raw))), nil)
        case ICAL_DATE_VALUE, ICAL_DATETIME_VALUE:
            // libical accepts impossible dates and times (a fuzzer fed it minute 99); those stay text.
            let t = icalvalue_get_datetime(raw)
            let asText = { (Value.text(Libical.takeString(icalvalue_as_ical_string_r(raw))), Date?.none) }
            guard let date = LocalDate(year: Int(t.year), month: Int(t.month), day: Int(t.day)) else { return asText() }
            if t.is_date != 0 { return (.date(date), nil) }
            guard let local = LocalDateTime(date: date, hour: Int(t.hour), minute: Int(t.minute), second: Int(t.second)) else { return asText() }
            if icaltime_is_utc(t) != 0 {
                return (.utcDateTime(local), Date(timeIntervalSince1970: TimeInterval(local.secondsSinceEpoch)))
            }
            return (.localDateTime(local), instant(of: t, tzid: tzid, root: root))
        case ICAL_CALADDRESS_VALUE:
            return (.calAddress(Libical.string(icalvalue_get_caladdress(raw))), nil)
        case ICAL_DURATION_VALUE:
            return (.duration(Libical.takeString(icalvalue_as_ical_string_r(raw))), nil)
        case ICAL_RECUR_VALUE:
            return (.recurrence(Libical.takeString(icalvalue_as_ical_string_r(raw))), nil)
        case ICAL_UTCOFFSET_VALUE:
            return (.utcOffset(Int(icalvalue_get_utcoffset(raw))), nil)
        case ICAL_URI_VALUE:
            return (.uri(Libical.string(icalvalue_get_uri(raw))), nil)
        default:
            return (.text(Libical.takeString(icalvalue_as_ical_string_r(raw))), nil)
        }
    }

    /// Resolves a TZID time the way a client would: against the calendar's own VTIMEZONE.
    private static func instant(of t: icaltimetype, tzid: String?, root: OpaquePointer) -> Date? {
        guard let tzid, let zone = tzid.withCString({ icalcomponent_get_timezone(root, $0) }) else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(icaltime_as_timet_with_zone(t, zone)))
    }
}
