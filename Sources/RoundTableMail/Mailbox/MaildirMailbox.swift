import Foundation
import RoundTableCore

/// A Maildir (what fetchmail, mbsync, procmail or a local delivery agent fill): messages in
/// `new/` and `cur/`, one file each. A message is known by its unique name, the file name up to
/// the `:2,` that carries its flags, which stays the same when a client moves or flags it.
///
/// A handled message is moved to `cur/` with the Seen flag (`S`) added, or, with `--move-to
/// NAME`, into the Maildir++ folder `.NAME` (created if need be), as Dovecot and Courier lay
/// folders out. Each is one `rename`, so a run killed at any point leaves every message whole in
/// one place; nothing is ever deleted.
public final class MaildirMailbox: Mailbox {
    public let path: String
    private let moveTo: String?
    /// The current path of each message, by unique name, as last listed.
    private var files: [String: String] = [:]

    public init(path: String, moveTo: String?) {
        self.path = (path as NSString).standardizingPath
        self.moveTo = moveTo
    }

    public var name: String { "maildir:" + path }

    public func open() throws(MailboxError) -> Int64 {
        for folder in ["new", "cur"] where !FileManager.default.isReadableFile(atPath: path + "/" + folder) {
            throw .missing("'\(path)' is not a Maildir that can be read: it has no readable \(folder)/ folder.")
        }
        return 0
    }

    public func newMessages(after seen: MailboxSeen) throws(MailboxError) -> [MailboxEntry] {
        files = [:]
        for folder in ["new", "cur"] {
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: path + "/" + folder)
            } catch {
                throw .missing("'\(path)/\(folder)' cannot be read (check its permissions).")
            }
            for file in names where !file.hasPrefix(".") {
                files[Self.uniqueName(file)] = path + "/" + folder + "/" + file
            }
        }
        // Unique names start with the delivery time, so name order is near enough arrival order.
        return files.keys.filter { !seen.items.contains($0) }.sorted().map { MailboxEntry(item: $0, uid: 0) }
    }

    public func read(_ entry: MailboxEntry, limit: Int) throws(MailboxError) -> [UInt8]? {
        guard let file = files[entry.item], let handle = FileHandle(forReadingAtPath: file) else {
            throw .temporary("the message '\(entry.item)' went from '\(path)' while it was being read")
        }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: limit + 1) else {
            throw .temporary("the message '\(entry.item)' in '\(path)' could not be read")
        }
        return data.count > limit ? nil : [UInt8](data)
    }

    public func mark(item: String) throws(MailboxError) {
        guard let file = files[item] else { return }
        let flags = Self.flags(of: (file as NSString).lastPathComponent)
        let folder = moveTo.map { path + "/." + $0 } ?? path
        if moveTo != nil {
            for sub in ["", "/cur", "/new", "/tmp"] { mkdir(folder + sub, 0o700) }
        }
        let target = folder + "/cur/" + item + ":2," + String(Set(flags + "S").sorted())
        guard target != file else { return }
        guard rename(file, target) == 0 else {
            if errno == ENOENT { return }
            throw .unavailable("'\(file)' could not be moved to '\(target)': \(String(cString: strerror(errno)))")
        }
        files[item] = target
    }

    public func close() {}

    /// The file name up to its info part (`:2,FLAGS`; `!2,` where `:` is not allowed in names).
    private static func uniqueName(_ file: String) -> String {
        if let colon = file.firstIndex(where: { $0 == ":" || $0 == "!" }) { return String(file[..<colon]) }
        return file
    }

    /// The flag letters of a file name's `:2,` info part.
    private static func flags(of file: String) -> String {
        guard let colon = file.firstIndex(where: { $0 == ":" || $0 == "!" }) else { return "" }
        let info = file[file.index(after: colon)...]
        return info.hasPrefix("2,") ? String(info.dropFirst(2)) : ""
    }
}
