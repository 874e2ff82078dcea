import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Linux's `syncfs(2)`: puts on disk what was written to the one filesystem holding a descriptor.
///
/// Swift's view of the C library is built without `_GNU_SOURCE`, which declares it, and the
/// variadic `syscall` cannot be called from Swift; so the C library's own `syncfs` (glibc 2.14
/// and later) is found by name once, the way the dynamic loader would have bound it.
enum FileSystemSync {
    private typealias Function = @convention(c) (Int32) -> Int32

    private static let function: Function? = {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "syncfs") else { return nil }
        return unsafeBitCast(symbol, to: Function.self)
    }()

    /// 0 when the filesystem of `descriptor` is on disk; -1 with `errno` set otherwise (ENOSYS
    /// where the C library has no `syncfs`).
    static func flush(_ descriptor: Int32) -> Int32 {
        guard let function else {
            errno = ENOSYS
            return -1
        }
        return function(descriptor)
    }
}
