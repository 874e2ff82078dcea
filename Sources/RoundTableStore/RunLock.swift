import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive lock on a file beside the state, held for a whole `remind` (or `invite`) run.
///
/// SQLite's own locks cover one transaction; a run plans, hands messages over and records them
/// over many, so two overlapping runs could both plan the same message. `flock` is released by
/// the kernel when the process dies, so a killed run never leaves the lock behind.
public final class RunLock {
    private let descriptor: Int32

    /// Waits up to `timeout` seconds for the lock, then throws `.locked` (exit 75: try later).
    public init(statePath: String, timeout: Double) throws(StoreError) {
        let path = statePath + ".lock"
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw .cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
        let deadline = Date().addingTimeInterval(timeout)
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline else {
                close(fd)
                throw .locked(path: statePath)
            }
            usleep(50_000)
        }
        descriptor = fd
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
