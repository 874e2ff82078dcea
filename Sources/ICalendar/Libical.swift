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
