import CLibical
import Foundation

/// The text of a component put together from pieces libical wrote: the component's own text
/// (its BEGIN line, properties and END line), with the text of each sub-component, written
/// separately, before its END line, which is where libical would have put it.
struct LibicalText {
    private var bytes: [UInt8] = []
    private var endLine: [UInt8] = []

    /// Starts from the component's own text, which it frees; NULL (libical could not write the
    /// component) reads as empty.
    init(takingOwn text: UnsafeMutablePointer<CChar>?) {
        guard let text else { return }
        defer { free(text) }
        let all = Self.bytes(of: text)
        // The END line starts after the last line break but the final one.
        let lastLine = all.dropLast(2).lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? all.count
        bytes.append(contentsOf: all[..<lastLine])
        endLine.append(contentsOf: all[lastLine...])
    }

    /// Adds a sub-component's text, which it frees.
    mutating func append(taking text: UnsafeMutablePointer<CChar>?) {
        guard let text else { return }
        defer { free(text) }
        bytes.append(contentsOf: Self.bytes(of: text))
    }

    /// The whole text.
    func joined() -> String {
        String(unsafeUninitializedCapacity: bytes.count + endLine.count) { buffer in
            let middle = buffer.initialize(fromContentsOf: bytes)
            return buffer[middle...].initialize(fromContentsOf: endLine)
        }
    }

    /// The bytes of a C string, typed so that appending them is one copy, not a loop.
    private static func bytes(of text: UnsafeMutablePointer<CChar>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self), count: strlen(text))
    }
}
