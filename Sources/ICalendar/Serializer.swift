import CalendarTime
import CLibical
import Foundation

extension Component {
    /// The component as iCalendar text, written by libical (CRLF line ends, folding, escaping).
    public func serialized() throws -> String {
        var writer = try ComponentWriter(opening: self, into: [UInt8]())
        try writer.finish()
        return String(decoding: writer.sink, as: UTF8.self)
    }

    /// The component's text with `written`, sub-components already serialized, where its own
    /// sub-components' text goes (before its END line), and its own sub-components left out: a
    /// component shared by several calendars is then written once. The text is that of
    /// `serialized()` with those sub-components, since libical writes each sub-component alike
    /// wherever it sits.
    public func serialized(withComponentTexts written: [String]) throws -> String {
        var writer = try ComponentWriter(opening: Component(name, properties: properties), into: [UInt8]())
        for text in written { try writer.write(text: text) }
        try writer.finish()
        return String(decoding: writer.sink, as: UTF8.self)
    }

    /// Builds the libical tree, with or without the sub-components; the caller owns the result.
    ///
    /// Strings go to libical through `withCString`, which lends a native String's own bytes;
    /// passing a String where C wants a `char *` copies it into a new array every time.
    func libicalTree(standIns: inout XTextStandIns, withComponents: Bool) throws -> OpaquePointer {
        let kind = Libical.componentKind(name)
        let component: OpaquePointer?
        if kind == ICAL_NO_COMPONENT || kind == ICAL_X_COMPONENT {
            component = name.withCString(icalcomponent_new_x)
        } else {
            component = icalcomponent_new(kind)
        }
        guard let component else { throw ICalendarError.invalid("unknown component '\(name)'") }
        do {
            for property in properties {
                icalcomponent_add_property(component, try property.libicalProperty(standIns: &standIns))
            }
            if withComponents {
                for child in components {
                    icalcomponent_add_component(component, try child.libicalTree(standIns: &standIns, withComponents: true))
                }
            }
        } catch {
            icalcomponent_free(component)
            throw error
        }
        return component
    }
}

extension Property {
    fileprivate func libicalProperty(standIns: inout XTextStandIns) throws -> OpaquePointer {
        let kind = Libical.propertyKind(name)
        let property: OpaquePointer?
        if kind == ICAL_NO_PROPERTY || kind == ICAL_X_PROPERTY {
            // Names libical 3.0 does not know (X-WR-*, X-PUBLISHED-TTL) travel as X properties;
            // libical does not escape ',' and ';' in them, which `XTextStandIns` makes up for.
            property = standIns.text(for: value, of: name).withCString(icalproperty_new_x)
            if let property { name.withCString { icalproperty_set_x_name(property, $0) } }
        } else {
            property = icalproperty_new(kind)
            if let property { icalproperty_set_value(property, try value.libicalValue(for: name, kind: kind)) }
        }
        guard let property else { throw ICalendarError.invalid("property '\(name)'") }
        for parameter in parameters {
            guard let p = parameter.libicalParameter() else {
                icalproperty_free(property)
                throw ICalendarError.invalid("parameter \(parameter.name)='\(parameter.value)' on \(name)")
            }
            icalproperty_add_parameter(property, p)
        }
        return property
    }
}

extension Parameter {
    fileprivate func libicalParameter() -> OpaquePointer? {
        let kind = Libical.parameterKind(name)
        if kind == ICAL_NO_PARAMETER || kind == ICAL_X_PARAMETER || kind == ICAL_IANA_PARAMETER {
            let p = value.withCString(icalparameter_new_x)
            if let p { name.withCString { icalparameter_set_xname(p, $0) } }
            return p
        }
        return Libical.makeParameter(kind, value)
    }
}

extension Value {
    fileprivate func libicalValue(for propertyName: String, kind: icalproperty_kind) throws -> OpaquePointer {
        let made: OpaquePointer?
        switch self {
        case .text(let s):
            // ACTION, STATUS, TRANSP, METHOD… are enumerations in libical, not TEXT.
            let valueKind = Libical.valueKind(of: kind)
            made = s.withCString { valueKind == ICAL_TEXT_VALUE ? icalvalue_new_text($0) : icalvalue_new_from_string(valueKind, $0) }
        case .integer(let n): made = icalvalue_new_integer(Int32(n))
        case .date(let d): made = icalvalue_new_date(d.libical)
        case .localDateTime(let t): made = icalvalue_new_datetime(t.libical(utc: false))
        case .utcDateTime(let t): made = icalvalue_new_datetime(t.libical(utc: true))
        case .duration(let s): made = icalvalue_new_duration(s.withCString(icaldurationtype_from_string))
        case .calAddress(let s): made = s.withCString(icalvalue_new_caladdress)
        case .recurrence(let s): made = icalvalue_new_recur(s.withCString(icalrecurrencetype_from_string))
        case .utcOffset(let n): made = icalvalue_new_utcoffset(Int32(n))
        case .uri(let s): made = s.withCString(icalvalue_new_uri)
        }
        guard let made else { throw ICalendarError.invalid("value '\(text)' of \(propertyName)") }
        return made
    }
}

extension LocalDate {
    var libical: icaltimetype {
        var t = icaltime_null_date()
        t.year = Int32(year)
        t.month = Int32(month)
        t.day = Int32(day)
        return t
    }
}

extension LocalDateTime {
    func libical(utc: Bool) -> icaltimetype {
        var t = icaltime_null_time()
        t.year = Int32(date.year)
        t.month = Int32(date.month)
        t.day = Int32(date.day)
        t.hour = Int32(hour)
        t.minute = Int32(minute)
        t.second = Int32(second)
        t.is_date = 0
        t.zone = utc ? icaltimezone_get_utc_timezone() : nil
        return t
    }
}
