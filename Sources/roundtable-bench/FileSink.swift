import Foundation
import ICalendar

/// A calendar's text written to a file descriptor through a 64 KiB buffer, so that writing each
/// event as it is made costs a system call per 60-odd events rather than one per event.
final class FileSink: TextSink {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    /// How many bytes went through, for the bench's line (the calendar's size).
    private(set) var count = 0

    /// Writes to `path`, which it creates or empties (the bench times writing to /dev/null).
    init(path: String) throws {
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        buffer.reserveCapacity(1 << 16)
    }

    deinit { close(descriptor) }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        count += bytes.count
        if buffer.count + bytes.count > buffer.capacity { try flush() }
        buffer.append(contentsOf: bytes)
    }

    /// Hands what is buffered to the kernel.
    func flush() throws {
        var done = 0
        while done < buffer.count {
            let written = buffer.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress! + done, $0.count - done) }
            guard written > 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            done += written
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
