import Foundation
import RoundTableCore
#if canImport(Glibc)
import Glibc
#endif

/// Reading and writing the text files a person hands us or gets back.
///
/// Every file the commands read (schedule, records, replies, write-ups, templates) comes through
/// here, so one size limit covers them all: at most `limit` bytes are kept, and reading stops at
/// `limit + 1`, so a 100 MB file, `/dev/zero` or an endless pipe is refused after reading 16 MiB
/// and never fills the memory.
enum TextFile {
    /// 16 MiB: hundreds of times the largest real schedule, records file or reply, and still
    /// small enough to parse in modest memory.
    static let limit = 16 << 20

    /// 64 MiB, for a records file (`import`): what `dump` writes grows with the records (27 MB
    /// for 200,000 actions), so a large series' own backup must not meet the 16 MiB cap; this one
    /// passes some 480,000 actions. Reading costs memory in proportion (some 13 bytes for each
    /// byte of the file), and the cap still stops `/dev/zero` or an endless pipe.
    static let recordsLimit = 64 << 20

    /// The name standard input goes by in messages, when a command reads `-`.
    static let standardInputName = "standard input"

    /// The file's text; a missing or unreadable file is exit 66, one larger than `limit` or bytes
    /// that are not UTF-8 exit 65 (the message gives the line and column of the first bad byte).
    static func read(_ path: String, limit: Int = limit) throws(TextFileError) -> String {
        try text(of: readBytes(path, limit: limit), path: path)
    }

    /// `read`, for a file that must be inside `folder` (a template): a symbolic link, or a `..`,
    /// that leads out of the folder is refused (exit 65), so a templates folder cannot be made to
    /// show another file's content in mail. The file's real path is what is read.
    static func read(_ path: String, within folder: String) throws(TextFileError) -> String {
        guard let real = realPath(path) else { return try read(path) }
        guard let base = realPath(folder), real.hasPrefix(base == "/" ? base : base + "/") else {
            throw .outsideFolder(path: path, folder: folder)
        }
        return try text(of: readBytes(real, named: path), path: path)
    }

    /// The file's bytes, at most `limit` of them; a missing or unreadable file is exit 66.
    /// `name` is the path as the user gave it, for messages, when `path` is its resolved form.
    static func readBytes(_ path: String, named name: String? = nil, limit: Int = limit) throws(TextFileError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw errno == ENOENT ? .missing(path: name ?? path) : .unreadable(path: name ?? path, reason: lastError())
        }
        defer { close(descriptor) }
        return try readAll(descriptor, path: name ?? path, limit: limit)
    }

    /// Standard input's bytes, with the same limit as a file.
    static func readStandardInput() throws(TextFileError) -> [UInt8] {
        try readAll(STDIN_FILENO, path: standardInputName, limit: limit)
    }

    /// `bytes` as a string, or `.notUTF8` locating the first byte that is not UTF-8.
    static func text(of bytes: [UInt8], path: String) throws(TextFileError) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0, line = 1, column = 1
        while case .valid(let scalar) = parser.parseScalar(from: &iterator) {
            offset += scalar.count
            if scalar.count == 1 && scalar.first == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        throw .notUTF8(path: path, line: line, column: column, byte: offset < bytes.count ? bytes[offset] : 0)
    }

    /// Reads until the end or `limit + 1` bytes, whichever comes first.
    private static func readAll(_ descriptor: Int32, path: String, limit: Int) throws(TextFileError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count <= limit {
            let wanted = min(chunk.count, limit + 1 - bytes.count)
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, wanted) }
            if count < 0 {
                if errno == EINTR { continue }
                throw errno == EISDIR ? .unreadable(path: path, reason: "it is a folder") : .unreadable(path: path, reason: lastError())
            }
            if count == 0 { return bytes }
            bytes += chunk[..<count]
        }
        throw .tooLarge(path: path, limit: limit)
    }

    /// `folder/name`, refused unless it stays inside `folder`: names come from ids in a schedule,
    /// which `check` keeps to a safe alphabet without a leading dot; this is the last guard
    /// before a path is written, so no id can ever name `..`, a hidden file or a subfolder.
    static func path(named name: String, in folder: String) throws -> String {
        guard !name.isEmpty, name.first != ".", !name.contains("/"), !name.contains("\0") else {
            throw RoundTableError.invalid("'\(Excerpt.of(name))' cannot name a file in '\(folder)': "
                + "it must not be empty, start with '.', or hold '/'.")
        }
        return (folder as NSString).appendingPathComponent(name)
    }

    /// Writes through a temporary file and a rename, so a reader (a web server serving a feed)
    /// never sees half a file.
    ///
    /// `flushed` (the default) puts the text on disk before the rename. A command writing
    /// thousands of files (an organisation's feeds) passes false and calls `flushAll()`
    /// once at the end: one flush for the run instead of one per file, which was a third of
    /// `export --dir`'s time. A crash in between can leave a feed empty, never half written, and
    /// the next run, finding it differ, writes it again.
    static func write(_ text: String, to path: String, flushed: Bool = true) throws {
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            if flushed {
                try Data(text.utf8).write(to: url, options: .atomic)
            } else if let problem = try replace(path, synced: false, { try $0(text) }) {
                throw RoundTableError.cannotWrite(path: path, reason: problem)
            }
        } catch let error as RoundTableError {
            throw error
        } catch {
            throw RoundTableError.cannotWrite(path: path, reason: error.localizedDescription)
        }
    }

    /// Writes what `produce` hands to its `write`, a piece at a time, through a temporary file
    /// flushed to disk and a rename, as `write(_:to:)` does, without ever holding the whole text:
    /// what `dump` writes with `-o`, whatever the number of records.
    static func write(to path: String, _ produce: (_ write: (String) throws -> Void) throws -> Void) throws {
        do {
            try FileManager.default.createDirectory(at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw RoundTableError.cannotWrite(path: path, reason: error.localizedDescription)
        }
        if let problem = try replace(path, synced: true, produce) { throw RoundTableError.cannotWrite(path: path, reason: problem) }
    }

    /// Puts everything written so far on disk: `sync`, as Linux's narrower `syncfs` needs
    /// `_GNU_SOURCE`, which Swift's view of the C library is built without.
    static func flushAll() { sync() }

    /// `path` replaced by what `produce` writes, through a new file beside it and a rename,
    /// flushed to disk first when `synced`; the new file takes the old one's permissions, or the
    /// umask's for a new one, as `.atomic` does. The C library's reason when it fails; what
    /// `produce` throws passes through, the new file removed.
    private static func replace(_ path: String, synced: Bool, _ produce: (_ write: (String) throws -> Void) throws -> Void) throws -> String? {
        var existing = stat()
        let oldMode: mode_t? = stat(path, &existing) == 0 ? existing.st_mode & 0o7777 : nil
        let name = (path as NSString).lastPathComponent
        let temporary = ((path as NSString).deletingLastPathComponent as NSString)
            .appendingPathComponent(".\(name).\(UInt64.random(in: 0...UInt64.max))")
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, oldMode ?? 0o666)
        guard descriptor >= 0 else { return lastError() }
        var problem: String?
        do {
            try produce { text in
                guard problem == nil else { return }
                let bytes = Array(text.utf8)
                var done = 0
                while done < bytes.count, problem == nil {
                    let wrote = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + done, $0.count - done) }
                    if wrote >= 0 { done += wrote } else if errno != EINTR { problem = lastError() }
                }
            }
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        if problem == nil, let oldMode, fchmod(descriptor, oldMode) != 0 { problem = lastError() }
        if problem == nil, synced, fsync(descriptor) != 0 { problem = lastError() }
        if close(descriptor) != 0, problem == nil { problem = lastError() }
        if problem == nil, rename(temporary, path) != 0 { problem = lastError() }
        if problem != nil { unlink(temporary) }
        return problem
    }

    /// The absolute path with every symbolic link, `.` and `..` resolved; nil when it does not exist.
    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The C library's words for `errno`, lowercased to sit inside our sentence.
    private static func lastError() -> String {
        String(cString: strerror(errno)).lowercased()
    }
}

/// Why a file handed to roundtable could not be read as text.
enum TextFileError: Error, Equatable, CustomStringConvertible {
    /// Nothing at that path (exit 66).
    case missing(path: String)
    /// There, but it cannot be opened or read: permissions, a folder… (exit 66).
    case unreadable(path: String, reason: String)
    /// Larger than `TextFile.limit`; reading stopped there (exit 65).
    case tooLarge(path: String, limit: Int)
    /// Not UTF-8: the first bad byte, 1-based line and column (exit 65).
    case notUTF8(path: String, line: Int, column: Int, byte: UInt8)
    /// A file that must be inside a folder leads out of it, through a symbolic link (exit 65).
    case outsideFolder(path: String, folder: String)

    var description: String {
        switch self {
        case .missing(let path):
            return "'\(path)' does not exist."
        case .unreadable(let path, let reason):
            return "'\(path)' cannot be read: \(reason) (check the path and its permissions)."
        case .tooLarge(let path, let limit):
            return "'\(path)' is larger than \(limit >> 20) MiB, the most roundtable reads from one file; "
                + "it was not used. Check that it is the file you meant."
        case .notUTF8(let path, let line, let column, let byte):
            return "'\(path)' is not UTF-8 text: line \(line), column \(column) has the byte 0x"
                + String(byte, radix: 16, uppercase: true) + ". Save it as UTF-8 and try again."
        case .outsideFolder(let path, let folder):
            return "'\(path)' leads outside the folder '\(folder)' (through a symbolic link); it was not read. "
                + "Put the file itself in the folder."
        }
    }
}
