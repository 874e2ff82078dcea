import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive lock on one series of a state, held while a `remind`, `invite` or `disseminate`
/// run plans, sends and records that series' messages.
///
/// SQLite's own locks cover one transaction; a run plans, hands messages over and records them
/// over many, so two overlapping runs could both plan the same message. `flock` is released by
/// the kernel when the process dies, so a killed run never leaves the lock behind. The lock is
/// per series (a file in `<state>.locks/`), so an organisation's cron run that is slow on one
/// series never keeps another run from the others.
public final class RunLock {
    private let descriptor: Int32

    /// Waits up to `timeout` seconds for the lock, then throws `.locked` (exit 75: try later).
    ///
    /// The lock file goes beside the real state file, a symbolic link followed (as SQLite puts its
    /// -wal and -shm there): two names for one state, a link and its target, share one lock.
    public init(statePath: String, series: String, timeout: Double) throws(StoreError) {
        let folder = Self.resolved(statePath) + ".locks"
        if mkdir(folder, 0o700) != 0 && errno != EEXIST {
            throw .cannotOpen(path: folder, reason: String(cString: strerror(errno)))
        }
        let path = folder + "/" + series + ".lock"
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

    /// The path with symbolic links resolved; as given when it does not exist.
    private static func resolved(_ path: String) -> String {
        guard let real = realpath(path, nil) else { return path }
        defer { free(real) }
        return String(cString: real)
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
