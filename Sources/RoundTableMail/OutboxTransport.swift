import Foundation
import RoundTableCore
#if canImport(Glibc)
import Glibc
#endif

/// Writes each message as an .eml file: for the demo, for review before sending, or for a
/// separate mailer to pick up.
///
/// The file is named after the Message-ID, so sending the same message again replaces its file
/// instead of adding a second one. It is written under a hidden temporary name, flushed to disk
/// and renamed, so a reader (or a run killed halfway) never sees half a message.
public struct OutboxTransport: Transport {
    private let directory: String

    /// `directory` is created, with its parents, on the first delivery.
    public init(directory: String) { self.directory = directory }

    /// A folder that cannot be created or written is a misconfiguration (69): it will not become
    /// writable by waiting for the next run. A full disk, a file size limit or an I/O error is
    /// `.cannotWrite` (74), as a full state is.
    public func deliver(_ envelope: Envelope) throws(DeliveryError) {
        guard !envelope.messageID.isEmpty else {
            throw .misconfigured("a message without a Message-ID cannot be named in the outbox '\(directory)'")
        }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .misconfigured("cannot create the outbox '\(directory)': \(Self.reason(error))")
        }
        let name = Self.fileName(for: envelope.messageID)
        let temporary = "\(directory)/.\(name).\(getpid()).\(UInt32.random(in: 0 ... .max)).tmp"
        if let failure = Self.writeSynced(envelope.data, to: temporary) {
            unlink(temporary)
            let reason = String(cString: strerror(failure))
            // A full disk is the disk's state, not the set-up's: the same exit as a full state.
            if [ENOSPC, EDQUOT, EFBIG, EIO].contains(failure) {
                throw .cannotWrite("the outbox '\(directory)' could not take it: \(reason)")
            }
            throw .misconfigured("cannot write to the outbox '\(directory)': \(reason)")
        }
        guard rename(temporary, "\(directory)/\(name)") == 0 else {
            let failure = String(cString: strerror(errno))
            unlink(temporary)
            throw .misconfigured("cannot write to the outbox '\(directory)': \(failure)")
        }
        Self.flushEntries(of: directory)
    }

    /// `<message-id>.eml` with every character outside `[A-Za-z0-9._-]` as "_" and no leading
    /// dot (that would hide it). An ID too long for a file name keeps its first 183 characters
    /// and gains a hash of the whole, so two long IDs still get two files.
    static func fileName(for messageID: String) -> String {
        var name = String(String.UnicodeScalarView(messageID.unicodeScalars.map { scalar in
            switch scalar {
            case "A" ... "Z", "a" ... "z", "0" ... "9", ".", "-", "_": return scalar
            default: return "_"
            }
        }))
        if name.hasPrefix(".") { name = "_" + name.dropFirst() }
        if name.utf8.count > 200 { name = name.prefix(183) + "-" + StableHash.hex(messageID) }
        return name + ".eml"
    }

    /// Writes and fsyncs a new file, readable and writable by its owner only; the `errno` of
    /// what failed, or nil.
    ///
    /// A message holds its recipients' addresses, which the state file keeps 0600, so the file is
    /// 0600 too whatever the umask: created so, then set so, as a umask may take bits away even
    /// from the owner.
    private static func writeSynced(_ data: [UInt8], to path: String) -> Int32? {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return errno }
        /// The failure that just happened, once the file is closed.
        func failure() -> Int32 {
            let code = errno
            close(fd)
            return code
        }
        guard fchmod(fd, 0o600) == 0 else { return failure() }
        var offset = 0
        while offset < data.count {
            let written = data.withUnsafeBytes { write(fd, $0.baseAddress! + offset, data.count - offset) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return failure() }
            offset += written
        }
        guard fsync(fd) == 0 else { return failure() }
        return close(fd) == 0 ? nil : errno
    }

    /// Makes the rename itself durable, so a message recorded as sent survives a crash. Best
    /// effort: some file systems cannot sync a directory, and the message is written either way.
    private static func flushEntries(of directory: String) {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    /// The operating system's words for a Foundation file error, without Foundation's framing.
    private static func reason(_ error: any Error) -> String {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let underlying, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return error.localizedDescription
    }
}
