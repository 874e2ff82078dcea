import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension TextFile {
    /// Writes `text` to `path`; `what` names it ("the dump") in the message when it is lost.
    ///
    /// A regular file, or a new path, is replaced through a temporary file beside it and a rename,
    /// so a reader (a web server serving a feed) never sees half a file and a failed write leaves
    /// the old file as it was; through a symbolic link, the file it names is replaced and the link
    /// stays. Anything else already there (a device such as `/dev/null` or `/dev/stdout`, a FIFO,
    /// a link to one) is written to directly: replacing it would turn `/dev/null` into a regular
    /// file (as root) and leave the program reading a FIFO waiting for ever. A FIFO is opened
    /// without waiting, so one that no program reads from is refused (73) rather than blocking.
    ///
    /// Every byte is checked through to the close, and with `flushed` to the disk: a path that
    /// cannot be opened or put in place is `cannotWrite` (73), a write that fails after that (a
    /// full disk) is `incomplete` (74).
    ///
    /// `flushed` (the default) puts the text on disk before the rename, and the rename with the
    /// folder after it. A command writing thousands of files (an organisation's feeds) passes
    /// false and calls `flush(folders:)` once at the end: one flush for the run instead of one per file, which was a third of
    /// `export --dir`'s time. A crash in between can leave a feed empty, never half written, and
    /// the next run, finding it differ, writes it again.
    static func write(_ text: String, to path: String, what: String, flushed: Bool = true) throws(RoundTableError) {
        do {
            try write(to: path, what: what, flushed: flushed) { write in write(text) }
        } catch let error as RoundTableError {
            throw error
        } catch {
            throw RoundTableError.cannotWrite(path: path, reason: "\(error)")
        }
    }

    /// `write(_:to:what:)` for what `produce` hands to its `write` a piece at a time, so the whole
    /// text is never held: `dump -o` of 200,000 actions. What `produce` throws passes through, and
    /// the file that was there is left as it was.
    static func write(to path: String, what: String, flushed: Bool = true,
                      _ produce: (_ write: (String) -> Void) throws -> Void) throws {
        var target = stat()
        if stat(path, &target) == 0, let kind = kind(of: target.st_mode) {
            if kind == "a folder" { throw RoundTableError.cannotWrite(path: path, reason: "it is a folder") }
            return try writeDirectly(to: path, kind: kind, what: what, produce)
        }
        var link = stat()
        let isLink = lstat(path, &link) == 0 && link.st_mode & S_IFMT == S_IFLNK
        let destination = isLink ? realPath(path) ?? path : path
        do {
            // A bare file name (`-o report.md`) is in the working folder, which exists.
            let folder = (destination as NSString).deletingLastPathComponent
            if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        } catch {
            throw RoundTableError.cannotWrite(path: path, reason: error.localizedDescription)
        }
        try replace(destination, named: path, what: what, flushed: flushed, produce)
    }

    /// Puts on disk everything written so far on the filesystems that hold `folders`, and only
    /// those: `syncfs` once per filesystem, never `sync`, which flushes every disk of the host
    /// (another user's too) and waits for all of them.
    static func flush(folders: [String]) throws(RoundTableError) {
        var flushed: Set<UInt64> = []
        for folder in folders {
            var status = stat()
            guard stat(folder, &status) == 0 else { throw RoundTableError.cannotWrite(path: folder, reason: lastError()) }
            guard flushed.insert(UInt64(status.st_dev)).inserted else { continue }
            let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard descriptor >= 0 else { throw RoundTableError.cannotWrite(path: folder, reason: lastError()) }
            defer { close(descriptor) }
            guard FileSystemSync.flush(descriptor) == 0 else {
                throw RoundTableError.incomplete(what: "the files", path: folder, reason: lastError())
            }
        }
    }

    /// `path` replaced by what `produce` writes, through a new file beside it and a rename; the new
    /// file takes the old one's permissions, or the umask's for a new one. `name` is the path as
    /// the user gave it.
    private static func replace(_ path: String, named name: String, what: String, flushed: Bool,
                                _ produce: (_ write: (String) -> Void) throws -> Void) throws {
        var existing = stat()
        let oldMode: mode_t? = stat(path, &existing) == 0 ? existing.st_mode & 0o7777 : nil
        let file = (path as NSString).lastPathComponent
        let temporary = ((path as NSString).deletingLastPathComponent as NSString)
            .appendingPathComponent(".\(file).\(UInt64.random(in: 0...UInt64.max))")
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, oldMode ?? 0o666)
        guard descriptor >= 0 else { throw RoundTableError.cannotWrite(path: name, reason: lastError()) }
        var problem: String?
        do {
            try produce { text in if problem == nil { problem = writeAll(text, to: descriptor) } }
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        if problem == nil, let oldMode, fchmod(descriptor, oldMode) != 0 { problem = lastError() }
        if problem == nil, flushed, fsync(descriptor) != 0 { problem = lastError() }
        if close(descriptor) != 0, problem == nil { problem = lastError() }
        if let problem {
            unlink(temporary)
            throw RoundTableError.incomplete(what: what, path: name, reason: problem + (oldMode == nil ? "" : "; the file there was left as it was"))
        }
        guard rename(temporary, path) == 0 else {
            let reason = lastError()
            unlink(temporary)
            throw RoundTableError.cannotWrite(path: name, reason: reason)
        }
        if flushed { try flushFolder(of: path, named: name, what: what) }
    }

    /// The folder holding `path` put on disk, so the rename that put `path` in place survives a crash.
    private static func flushFolder(of path: String, named name: String, what: String) throws(RoundTableError) {
        let folder = (path as NSString).deletingLastPathComponent
        let descriptor = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw RoundTableError.incomplete(what: what, path: name, reason: lastError()) }
        defer { close(descriptor) }
        if fsync(descriptor) != 0 { throw RoundTableError.incomplete(what: what, path: name, reason: lastError()) }
    }

    /// What `produce` writes, straight into the device or FIFO at `path`, whose `kind` is given in words.
    private static func writeDirectly(to path: String, kind: String, what: String,
                                      _ produce: (_ write: (String) -> Void) throws -> Void) throws {
        let descriptor = open(path, O_WRONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw RoundTableError.cannotWrite(path: path, reason: errno == ENXIO && kind == "a FIFO" ? "it is a FIFO that no program reads from" : lastError())
        }
        // Opened without waiting; written with waiting, as a program reading a FIFO takes its time.
        var problem = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK) == 0 ? nil : lastError()
        do {
            try produce { text in if problem == nil { problem = writeAll(text, to: descriptor) } }
        } catch {
            close(descriptor)
            throw error
        }
        if close(descriptor) != 0, problem == nil { problem = lastError() }
        if let problem { throw RoundTableError.incomplete(what: what, path: path, reason: problem) }
    }

    /// Every byte of `text` into `descriptor`; the C library's reason when a write fails.
    private static func writeAll(_ text: String, to descriptor: Int32) -> String? {
        let bytes = Array(text.utf8)
        var done = 0
        while done < bytes.count {
            let wrote = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + done, $0.count - done) }
            if wrote >= 0 { done += wrote } else if errno != EINTR { return lastError() }
        }
        return nil
    }
}
