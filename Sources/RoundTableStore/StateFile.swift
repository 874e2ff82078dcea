import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Gets the state file's place on disk ready before SQLite opens it.
///
/// Actions name people, so what we create is private to the user: folders 0700, the file 0600
/// (SQLite gives its -wal and -shm files the database file's permissions). Existing folders and
/// files keep their permissions: someone chose them.
enum StateFile {
    /// Returns the path SQLite should open.
    ///
    /// A symbolic link is followed when it leads to an existing file, so a state file can live on
    /// another disk or in a synced folder; SQLite then keeps its -wal file beside the target. A
    /// dangling link is refused: it usually means the target's disk is not mounted, and creating a
    /// fresh, empty state there would quietly hide the real one. A path with nothing at it is
    /// `.missing` unless `opening` is `.create`, and then nothing is created.
    static func prepare(_ path: String, ifMissing opening: StateStore.MissingState) throws(StoreError) -> String {
        var status = stat()
        if lstat(path, &status) == 0 {
            if status.st_mode & S_IFMT == S_IFLNK {
                guard let target = realpath(path, nil) else {
                    throw .cannotOpen(path: path, reason: "it is a symbolic link to a file that does not exist")
                }
                defer { free(target) }
                return try prepareExisting(String(cString: target), path: path)
            }
            return try prepareExisting(path, path: path)
        }
        guard opening == .create else { throw .missing(path: path) }
        try createFolder((path as NSString).deletingLastPathComponent, for: path)
        try createFile(path)
        return path
    }

    private static func prepareExisting(_ target: String, path: String) throws(StoreError) -> String {
        var status = stat()
        guard stat(target, &status) == 0 else {
            throw .cannotOpen(path: path, reason: lastError())
        }
        if status.st_mode & S_IFMT == S_IFDIR {
            throw .cannotOpen(path: path, reason: "it is a folder")
        }
        return target
    }

    /// Creates each missing folder of the chain 0700, whatever the umask; one that another process
    /// creates meanwhile is accepted as it is.
    private static func createFolder(_ folder: String, for path: String) throws(StoreError) {
        guard !folder.isEmpty else { return }
        var missing: [String] = []
        var current = folder
        var status = stat()
        while !current.isEmpty, current != "/", stat(current, &status) != 0, errno == ENOENT {
            missing.append(current)
            current = (current as NSString).deletingLastPathComponent
        }
        for folder in missing.reversed() {
            if mkdir(folder, 0o700) == 0 {
                chmod(folder, 0o700)
            } else if errno != EEXIST {
                throw .cannotOpen(path: path, reason: "cannot create the folder '\(folder)': \(lastError())")
            }
        }
    }

    /// Creates the empty file 0600 before SQLite sees it (SQLite takes an empty file for a new
    /// database), so it is never readable by others, not even for a moment.
    private static func createFile(_ path: String) throws(StoreError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if descriptor < 0 {
            guard errno == EEXIST else {
                throw .cannotOpen(path: path, reason: lastError())
            }
            return
        }
        fchmod(descriptor, 0o600)
        close(descriptor)
    }

    /// The C library's words for `errno`, lowercased to sit inside our sentence.
    private static func lastError() -> String {
        String(cString: strerror(errno)).lowercased()
    }
}
