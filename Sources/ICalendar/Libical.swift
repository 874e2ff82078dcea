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

/// libical finds component, property and parameter kinds by name, and names by kind, with a
/// linear search (`strcasecmp` over a hundred names: about a tenth of the work of writing a
/// calendar), and its property name getter allocates and clears a 256-byte buffer each time.
/// The answers never change, so they are read into tables once per process, and every answer
/// here is the one the libical call named beside it gives.
extension Libical {
    /// libical 3.0 numbers component, property and parameter kinds below 130; kinds past the
    /// tables are asked of libical each time.
    private static let tableSize: UInt32 = 256

    private static let componentNames: [String] = (0..<tableSize).map {
        string(icalcomponent_kind_to_string(icalcomponent_kind($0)))
    }

    private static let componentKinds = ShortNameTable(
        componentNames.filter { !$0.isEmpty }.map { ($0, $0.withCString(icalcomponent_string_to_kind)) })

    private static let propertyNames: [String] = (0..<tableSize).map {
        string(icalproperty_kind_to_string(icalproperty_kind($0)))
    }

    private static let propertyKinds = ShortNameTable(
        propertyNames.filter { !$0.isEmpty }.map { ($0, $0.withCString(icalproperty_string_to_kind)) })

    private static let propertyValueKinds: [icalvalue_kind] = (0..<tableSize).map {
        icalproperty_kind_to_value_kind(icalproperty_kind($0))
    }

    private static let parameterNames: [String] = (0..<tableSize).map {
        string(icalparameter_kind_to_string(icalparameter_kind($0)))
    }

    private static let parameterKinds = ShortNameTable(
        parameterNames.filter { !$0.isEmpty }.map { ($0, $0.withCString(icalparameter_string_to_kind)) })

    /// `icalcomponent_string_to_kind(name)`.
    static func componentKind(_ name: String) -> icalcomponent_kind {
        componentKinds[name] ?? name.withCString(icalcomponent_string_to_kind)
    }

    /// `icalcomponent_kind_to_string(icalcomponent_isa(component))`, read as a String.
    static func componentName(_ component: OpaquePointer) -> String {
        let kind = icalcomponent_isa(component)
        guard kind.rawValue < tableSize else { return string(icalcomponent_kind_to_string(kind)) }
        return componentNames[Int(kind.rawValue)]
    }

    /// `icalproperty_string_to_kind(name)`.
    static func propertyKind(_ name: String) -> icalproperty_kind {
        propertyKinds[name] ?? name.withCString(icalproperty_string_to_kind)
    }

    /// `icalproperty_kind_to_value_kind(kind)`.
    static func valueKind(of kind: icalproperty_kind) -> icalvalue_kind {
        guard kind.rawValue < tableSize else { return icalproperty_kind_to_value_kind(kind) }
        return propertyValueKinds[Int(kind.rawValue)]
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

    /// The parameter's name: its X- name in upper case (as `Parameter` keeps names), else the
    /// name of its kind.
    static func parameterName(_ parameter: OpaquePointer) -> String {
        let kind = icalparameter_isa(parameter)
        if kind == ICAL_X_PARAMETER, let x = icalparameter_get_xname(parameter) { return string(x).uppercasedName }
        guard kind.rawValue < tableSize else { return string(icalparameter_kind_to_string(kind)) }
        return parameterNames[Int(kind.rawValue)]
    }
}
