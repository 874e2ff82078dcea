import Foundation
import RoundTableCore

/// An IMAP folder (Dovecot, Cyrus, Exchange, Gmail…), read over one connection per run.
///
/// New mail is what has a UID above the highest the state recorded at the folder's UIDVALIDITY
/// (UIDs only grow, RFC 3501 §2.3.1.1) and does not carry the keyword already: so after a
/// UIDVALIDITY change (the folder rebuilt) every message is read again, but those marked before
/// are not. Messages are fetched with `BODY.PEEK[]`, so reading sets no flag; a handled one
/// gets the keyword `$RoundtableRead`, or is moved (`UID MOVE`, RFC 6851) to `--move-to`.
public final class IMAPMailbox: Mailbox {
    /// The keyword a handled message carries.
    public static let keyword = "$RoundtableRead"

    private let address: MailboxLocation.IMAPAddress
    private let password: String?
    private let caFile: String?
    private let moveTo: String?
    private var connection: IMAPConnection?

    /// `password` nil: libcurl looks for the server in `~/.netrc`.
    public init(_ address: MailboxLocation.IMAPAddress, password: String?, caFile: String?, moveTo: String?) {
        self.address = address
        self.password = password
        self.caFile = caFile
        self.moveTo = moveTo
    }

    public var name: String { address.shown }

    public func open() throws(MailboxError) -> Int64 {
        let connection = try IMAPConnection.open(address, password: password, caFile: caFile)
        self.connection = connection
        let shown = address.shown
        let answers = try connection.expectOK("SELECT \(Self.quoted(address.folder))") { completion in
            .unavailable("the folder '\(shown)' cannot be opened (\(completion.status) \(completion.text))")
        }
        for answer in answers {
            if let range = answer.text.range(of: "[UIDVALIDITY ", options: .caseInsensitive),
               let value = Int64(answer.text[range.upperBound...].prefix { $0.isNumber }) {
                return value
            }
        }
        throw .unavailable("the IMAP server at '\(shown)' gave no UIDVALIDITY for the folder, so new mail cannot be told from old")
    }

    public func newMessages(after seen: MailboxSeen) throws(MailboxError) -> [MailboxEntry] {
        let answers = try session().expectOK("UID SEARCH UID \(seen.highestUID + 1):* NOT KEYWORD \(Self.keyword)") { completion in
            .temporary("the IMAP server at '\(self.address.shown)' could not search the folder (\(completion.text))")
        }
        // "n:*" always includes the highest UID, even below n (RFC 3501 §6.4.8): filtered out here.
        let uids = answers.filter { $0.text.uppercased().hasPrefix("SEARCH") }
            .flatMap { $0.text.split(separator: " ").dropFirst().compactMap { Int64($0) } }
            .filter { $0 > seen.highestUID && !seen.items.contains(String($0)) }
        pending = Set(uids).sorted()
        return pending.map { MailboxEntry(item: String($0), uid: $0) }
    }

    /// New messages not yet fetched, in order; and those fetched ahead, by UID.
    private var pending: [Int64] = []
    private var fetched: [Int64: [UInt8]?] = [:]
    /// How many messages one FETCH asks for, and how many bytes at most: one round trip per
    /// message would make the first run over a full mailbox wait on the network 10,000 times.
    private static let batchCount = 100, batchBytes = 32 << 20

    public func read(_ entry: MailboxEntry, limit: Int) throws(MailboxError) -> [UInt8]? {
        if fetched[entry.uid] == nil { try fetchAhead(from: entry.uid, limit: limit) }
        guard let body = fetched.removeValue(forKey: entry.uid) else {
            throw .temporary("the IMAP server at '\(address.shown)' gave no content for message \(entry.uid); it may have been moved meanwhile")
        }
        return body
    }

    /// Fetches `uid` and the new messages after it, as many as fit in a batch by their sizes
    /// (a message over `limit` is not fetched: it reads as nil).
    private func fetchAhead(from uid: Int64, limit: Int) throws(MailboxError) {
        let connection = try session()
        let shown = address.shown
        let candidates = Array((pending.firstIndex(of: uid).map { pending[$0...] } ?? [uid]).prefix(Self.batchCount))
        let sizes = try connection.expectOK("UID FETCH \(candidates.map(String.init).joined(separator: ",")) (RFC822.SIZE)") { completion in
            .temporary("the IMAP server at '\(shown)' could not give the sizes of new messages (\(completion.text))")
        }.reduce(into: [Int64: Int]()) { found, answer in
            if let uid = Self.number(after: "UID ", in: answer.text), let size = Self.number(after: "RFC822.SIZE ", in: answer.text) {
                found[uid] = Int(size)
            }
        }
        var batch: [Int64] = [], total = 0
        for candidate in candidates {
            let size = sizes[candidate] ?? 0
            if size > limit { fetched[candidate] = .some(nil); continue }
            if !batch.isEmpty && total + size > Self.batchBytes { break }
            batch.append(candidate)
            total += size
        }
        guard !batch.isEmpty else { return }
        connection.literalLimit = limit
        let answers = try connection.expectOK("UID FETCH \(batch.map(String.init).joined(separator: ",")) BODY.PEEK[]") { completion in
            .temporary("the IMAP server at '\(shown)' could not give new messages (\(completion.text))")
        }
        for answer in answers where !answer.literals.isEmpty {
            if let uid = Self.number(after: "UID ", in: answer.text) { fetched[uid] = answer.literals[0] }
        }
    }

    /// The number after `label` in an untagged FETCH answer ("UID 7", "RFC822.SIZE 1234").
    private static func number(after label: String, in text: String) -> Int64? {
        guard let range = text.range(of: label, options: .caseInsensitive) else { return nil }
        return Int64(text[range.upperBound...].prefix { $0.isNumber })
    }

    public func mark(item: String) throws(MailboxError) {
        let connection = try session()
        let shown = address.shown
        guard let moveTo else {
            try connection.expectOK("UID STORE \(item) +FLAGS.SILENT (\(Self.keyword))") { completion in
                .temporary("the IMAP server at '\(shown)' could not mark message \(item) (\(completion.text))")
            }
            return
        }
        var (_, completion) = try connection.command("UID MOVE \(item) \(Self.quoted(moveTo))")
        if completion.status != "OK", completion.text.uppercased().contains("[TRYCREATE]") {
            try connection.expectOK("CREATE \(Self.quoted(moveTo))") { completion in
                .unavailable("the folder '\(moveTo)' could not be created on '\(shown)' (\(completion.text))")
            }
            (_, completion) = try connection.command("UID MOVE \(item) \(Self.quoted(moveTo))")
        }
        guard completion.status == "OK" else {
            throw .unavailable("message \(item) could not be moved to '\(moveTo)' on '\(shown)' (\(completion.status) \(completion.text)); "
                + "the server must offer MOVE (RFC 6851)")
        }
    }

    public func close() {
        _ = try? connection?.command("LOGOUT")
        connection = nil
    }

    private func session() throws(MailboxError) -> IMAPConnection {
        guard let connection else { throw .temporary("the IMAP session with '\(address.shown)' is not open") }
        return connection
    }

    /// A folder name as an IMAP quoted string (printable ASCII only, which `MailboxLocation` checks).
    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
