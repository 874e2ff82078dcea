import Foundation
import RoundTableCore
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive lock on one series of a state, held while a `remind`, `invite` or `disseminate`
/// run plans, sends and records that series' messages.
///
/// The database's own locks cover one transaction; a run plans, hands messages over and records
/// them over many, so two overlapping runs could both plan the same message. Either kind of lock
/// is released when the process dies, so a killed run never leaves it behind:
/// - a SQLite state: `flock` on a file in `<state>.locks/`, released by the kernel;
/// - a PostgreSQL state: a session advisory lock on a hash of the series id, held on the store's
///   connection and released by the server when that connection ends, so runs on several
///   machines exclude each other.
/// The lock is per series, so an organisation's cron run that is slow on one series never keeps
/// another run from the others.
public final class RunLock {
    private let release: () -> Void

    /// Waits up to `timeout` seconds for the lock on a SQLite state file, then throws `.locked`
    /// (exit 75: try later).
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
        try Self.wait(timeout: timeout, statePath: statePath) { () throws(StoreError) -> Bool in
            if flock(fd, LOCK_EX | LOCK_NB) == 0 { return true }
            guard errno == EWOULDBLOCK || errno == EINTR else {
                close(fd)
                throw .locked(path: statePath)
            }
            return false
        }
        release = {
            flock(fd, LOCK_UN)
            close(fd)
        }
    }

    /// Waits up to `timeout` seconds for the advisory lock of `series` on a PostgreSQL state.
    init(session: PostgresSession, series: String, timeout: Double, statePath: String) throws(StoreError) {
        let key = Self.advisoryKey(series: series)
        try Self.wait(timeout: timeout, statePath: statePath) { () throws(StoreError) -> Bool in
            do {
                let row = try session.fetchAll(sql: "SELECT pg_try_advisory_lock(?) AS taken", arguments: [key]).first
                return row?["taken"] == .integer(1)
            } catch {
                throw StoreError(error, path: statePath)
            }
        }
        release = { _ = try? session.fetchAll(sql: "SELECT pg_advisory_unlock(?)", arguments: [key]) }
    }

    /// The advisory lock's key: FNV-1a (64 bits) of the series id under a prefix of our own, the
    /// same on every machine, so every roundtable agrees which lock a series is.
    static func advisoryKey(series: String) -> Int64 {
        var hash = StableHash.Hash64()
        hash.add("roundtable run " + series)
        return Int64(bitPattern: hash.value)
    }

    /// Tries `attempt` every 50 ms until it succeeds or `timeout` seconds have passed.
    private static func wait(timeout: Double, statePath: String, _ attempt: () throws(StoreError) -> Bool) throws(StoreError) {
        let deadline = ContinuousClock.now + .seconds(timeout)
        while try !attempt() {
            guard ContinuousClock.now < deadline else { throw .locked(path: statePath) }
            usleep(50_000)
        }
    }

    /// The path with symbolic links resolved; as given when it does not exist.
    private static func resolved(_ path: String) -> String {
        guard let real = realpath(path, nil) else { return path }
        defer { free(real) }
        return String(cString: real)
    }

    deinit { release() }
}

extension StateStore {
    /// Takes this state's run lock for `series` (see `RunLock`), waiting up to `timeout` seconds.
    public func lockRun(series: String, timeout: Double) throws(StoreError) -> RunLock {
        switch backend {
        case .sqlite: return try RunLock(statePath: path, series: series, timeout: timeout)
        case .postgres(let session): return try RunLock(session: session, series: series, timeout: timeout, statePath: path)
        }
    }
}
