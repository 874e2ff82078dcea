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
        guard let text else {
            self.init(own: [])
            return
        }
        defer { free(text) }
        self.init(own: Self.bytes(of: text))
    }

    /// Starts from the component's own text, written before.
    init(_ text: String) {
        self.init(own: Array(text.utf8))
    }

    private init(own all: some RandomAccessCollection<UInt8>) {
        // The END line starts after the last line break but the final one.
        let lastLine = all.dropLast(2).lastIndex(of: UInt8(ascii: "\n")).map { all.index(after: $0) } ?? all.endIndex
        bytes.append(contentsOf: all[..<lastLine])
        endLine.append(contentsOf: all[lastLine...])
    }

    /// Adds a sub-component's text, which it frees.
    mutating func append(taking text: UnsafeMutablePointer<CChar>?) {
        guard let text else { return }
        defer { free(text) }
        bytes.append(contentsOf: Self.bytes(of: text))
    }

    /// Adds a sub-component's text, written before.
    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
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
