import CLibical
import Foundation

/// A component's text written one sub-component at a time, each as soon as the caller has built
/// it: a calendar of 100,000 events then needs the memory of one event, not of them all (with
/// every event's values, libical's tree and the whole text alive at once, the memory, and the time
/// per event, grew with the calendar).
///
/// libical writes a component as its BEGIN line, its properties, each sub-component's own text and
/// its END line, so writing the opening component without its sub-components and each
/// sub-component on its own, in turn, gives the same bytes as writing the whole tree. Each
/// piece's libical tree is built, written and freed while it is in cache.
public struct ComponentWriter<Sink: TextSink> {
    /// Where the text went; whole once `finish()` has run.
    public private(set) var sink: Sink
    private var endLine: [UInt8] = []

    /// Writes `component`'s BEGIN line, its properties and the sub-components it already holds;
    /// its END line waits for `finish()`.
    public init(opening component: Component, into sink: Sink) throws {
        self.sink = sink
        var standIns = XTextStandIns()
        let own = try Libical.run {
            let tree = try component.libicalTree(standIns: &standIns, withComponents: false)
            defer { icalcomponent_free(tree) }
            return icalcomponent_as_ical_string_r(tree)
        }
        // NULL (libical could not write the component) reads as empty.
        if let own {
            defer { free(own) }
            let all = UnsafeRawBufferPointer(start: own, count: strlen(own))
            // The END line starts after the last line break but the final one.
            let lastLine = all.dropLast(2).lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? all.count
            endLine = Array(all[lastLine...])
            try put(UnsafeRawBufferPointer(rebasing: all[..<lastLine]), standIns: standIns)
        }
        for child in component.components { try write(child) }
    }

    /// Writes a sub-component, whole, after the ones before it.
    public mutating func write(_ component: Component) throws {
        var standIns = XTextStandIns()
        let text = try Libical.run {
            let tree = try component.libicalTree(standIns: &standIns, withComponents: true)
            defer { icalcomponent_free(tree) }
            return icalcomponent_as_ical_string_r(tree)
        }
        guard let text else { return }
        defer { free(text) }
        try put(UnsafeRawBufferPointer(start: text, count: strlen(text)), standIns: standIns)
    }

    /// Writes a sub-component's text, written before (by `serialized()`): a component shared by
    /// several calendars is written by libical once.
    public mutating func write(text: String) throws {
        var text = text
        try text.withUTF8 { try sink.write(UnsafeRawBufferPointer($0)) }
    }

    /// Writes the opening component's END line.
    public mutating func finish() throws {
        let end = endLine
        endLine = []
        try end.withUnsafeBytes { try sink.write($0) }
    }

    /// libical's text as it is, or with the escaped values of X properties in place of their
    /// stand-ins, which lie within the piece that made them.
    private mutating func put(_ bytes: UnsafeRawBufferPointer, standIns: XTextStandIns) throws {
        guard standIns.isEmpty else {
            var text = standIns.restore(in: String(decoding: bytes, as: UTF8.self))
            try text.withUTF8 { try sink.write(UnsafeRawBufferPointer($0)) }
            return
        }
        try sink.write(bytes)
    }
}
