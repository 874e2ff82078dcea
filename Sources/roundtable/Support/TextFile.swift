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
/// and never fills the memory. Only a regular file is read: a FIFO, a device or a socket where
/// a file should be is refused at once (it is opened without waiting, then looked at), so a FIFO
/// planted where a template or the export manifest belongs cannot block cron for ever, and
/// `/dev/zero` is not read for 16 MiB first.
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

    /// The file's text; a missing or unreadable file is exit 66, a too large one or bytes that
    /// are not UTF-8 exit 65 (the message gives the line and column of the first bad byte).
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
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw errno == ENOENT ? .missing(path: name ?? path) : .unreadable(path: name ?? path, reason: lastError())
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .unreadable(path: name ?? path, reason: lastError()) }
        if let kind = kind(of: info.st_mode) {
            throw .unreadable(path: name ?? path, reason: kind == "a folder" ? "it is a folder" : "it is \(kind), not a regular file")
        }
        return try readAll(descriptor, path: name ?? path, limit: limit)
    }

    /// What a file of mode `mode` is, in words ("a FIFO"); nil for a regular file.
    static func kind(of mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "a folder"
        case S_IFIFO: return "a FIFO"
        case S_IFCHR, S_IFBLK: return "a device"
        case S_IFSOCK: return "a socket"
        default: return "not a file"
        }
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

    /// The absolute path with every symbolic link, `.` and `..` resolved; nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The C library's words for `errno`, lowercased to sit inside our sentence.
    static func lastError() -> String {
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
