/// Where a `ComponentWriter` puts a calendar's text as it is written: a byte array for a String,
/// or a file, so that a feed of any size is never all in memory at once.
public protocol TextSink {
    /// Takes the next piece of the text (UTF-8, CRLF line ends), valid only during the call.
    mutating func write(_ bytes: UnsafeRawBufferPointer) throws
}

extension Array: TextSink where Element == UInt8 {
    /// Appends the piece.
    public mutating func write(_ bytes: UnsafeRawBufferPointer) { append(contentsOf: bytes) }
}
