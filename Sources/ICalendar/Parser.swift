import CalendarTime
import CLibical
import Foundation

extension Component {
    /// Parses iCalendar text with libical and returns the top component (usually VCALENDAR).
    ///
    /// libical does not fail on malformed lines: it keeps going and leaves X-LIC-ERROR properties
    /// where it stumbled. Those are thrown as `ICalendarError.problems`, so a half-read calendar
    /// is never mistaken for a good one. Text beyond `ParseLimits.standard` is refused first.
    public static func parse(_ text: String) throws -> Component {
        let (component, problems) = try parseKeepingProblems(text)
        guard problems.isEmpty else { throw ICalendarError.problems(problems.map(\.message)) }
        return component
    }

    /// Parses as `parse` does, but returns libical's problems beside the component rather than
    /// throwing on them, for a reader that can judge which of them matter to what it reads.
    ///
    /// Text beyond `limits` (nested too deep, a line too long, too many lines) is refused before
    /// libical sees it; with `limits.checksIntegers`, an integer libical would wrap is a problem.
    public static func parseKeepingProblems(_ text: String, limits: ParseLimits = .standard) throws
        -> (component: Component, problems: [ParseProblem]) {
        try limits.check(text)
        let wrapped = limits.checksIntegers ? IntegerValues.problems(in: text) : []
        return try Libical.run {
            guard let raw = text.withCString(icalparser_parse_string) else {
                throw ICalendarError.unreadable("no calendar component found")
            }
            defer { icalcomponent_free(raw) }
            var reading = LibicalReading(root: raw, resolvesLocalTimes: limits.resolvesLocalTimes)
            let component = reading.component(raw)
            return (component, wrapped + reading.problems)
        }
    }
}

/// One pass over libical's tree that turns it into values and gathers libical's problems.
///
/// Each sub-component of the top one is freed as soon as it has been read, so that libical's
/// copy of a large calendar shrinks while the values grow, in the memory it gave back: that is
/// more malloc work than freeing it all at the end, but the values then go into memory that is
/// still in cache, which here read a calendar of 1,000 events 3% faster and one of 10,000 events
/// 13% faster (docs/performance.md).
/// The VTIMEZONEs stay to the end: libical resolves every TZID time against them.
private struct LibicalReading {
    /// The top component, which holds the VTIMEZONEs that TZID times are resolved against.
    let root: OpaquePointer
    /// Whether TZID times are resolved at all (`ParseLimits.resolvesLocalTimes`).
    let resolvesLocalTimes: Bool
    /// libical's X-LIC-ERROR properties, in the order of the text.
    var problems: [ParseProblem] = []

    mutating func component(_ raw: OpaquePointer) -> Component {
        var properties: [Property] = []
        properties.reserveCapacity(Int(icalcomponent_count_properties(raw, ICAL_ANY_PROPERTY)))
        var p = icalcomponent_get_first_property(raw, ICAL_ANY_PROPERTY)
        while let property = p {
            if icalproperty_isa(property) == ICAL_XLICERROR_PROPERTY {
                problems.append(ParseProblem(component: Libical.componentName(raw),
                                             message: Libical.string(icalproperty_get_xlicerror(property))))
            }
            properties.append(self.property(property))
            p = icalcomponent_get_next_property(raw, ICAL_ANY_PROPERTY)
        }
        var components: [Component] = []
        components.reserveCapacity(Int(icalcomponent_count_components(raw, ICAL_ANY_COMPONENT)))
        var c = icalcomponent_get_first_component(raw, ICAL_ANY_COMPONENT)
        while let child = c {
            components.append(component(child))
            c = icalcomponent_get_next_component(raw, ICAL_ANY_COMPONENT)
            if raw == root, icalcomponent_isa(child) != ICAL_VTIMEZONE_COMPONENT {
                icalcomponent_remove_component(raw, child)
                icalcomponent_free(child)
            }
        }
        return Component(Libical.componentName(raw), properties: properties, components: components)
    }

    private func property(_ raw: OpaquePointer) -> Property {
        var parameters: [Parameter] = []
        let parameterCount = Int(icalproperty_count_parameters(raw))
        if parameterCount > 0 { parameters.reserveCapacity(parameterCount) }
        var p = icalproperty_get_first_parameter(raw, ICAL_ANY_PARAMETER)
        while let parameter = p {
            parameters.append(Parameter(read: parameter))
            p = icalproperty_get_next_parameter(raw, ICAL_ANY_PARAMETER)
        }
        let (value, instant) = self.value(of: raw)
        return Property(read: raw, value: value, parameters: parameters, instant: instant)
    }

    private func value(of property: OpaquePointer) -> (Value, Date?) {
        guard let raw = icalproperty_get_value(property) else { return (.text(""), nil) }
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
            return (.localDateTime(local), instant(of: t, for: property))
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
    private func instant(of t: icaltimetype, for property: OpaquePointer) -> Date? {
        guard resolvesLocalTimes, let tzid = icalproperty_get_first_parameter(property, ICAL_TZID_PARAMETER).flatMap(icalparameter_get_tzid),
              let zone = icalcomponent_get_timezone(root, tzid) else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(icaltime_as_timet_with_zone(t, zone)))
    }
}

extension Property {
    /// The property libical read, its name as libical gives it; libical's own names are upper
    /// case already, so they are not checked again, one property at a time.
    fileprivate init(read raw: OpaquePointer, value: Value, parameters: [Parameter], instant: Date?) {
        name = Libical.propertyName(raw)
        self.value = value
        self.parameters = parameters
        self.instant = instant
    }
}

extension Parameter {
    /// The parameter libical read; see `Property.init(read:…)`.
    fileprivate init(read raw: OpaquePointer) {
        name = Libical.parameterName(raw)
        value = Libical.parameterValue(raw)
    }
}
