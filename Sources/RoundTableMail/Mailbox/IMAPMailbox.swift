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
        return Set(uids).sorted().map { MailboxEntry(item: String($0), uid: $0) }
    }

    public func read(_ entry: MailboxEntry, limit: Int) throws(MailboxError) -> [UInt8]? {
        let connection = try session()
        connection.literalLimit = limit
        let answers = try connection.expectOK("UID FETCH \(entry.uid) BODY.PEEK[]") { completion in
            .temporary("the IMAP server at '\(self.address.shown)' could not give message \(entry.uid) (\(completion.text))")
        }
        guard let fetched = answers.first(where: { $0.text.uppercased().contains("FETCH") && !$0.literals.isEmpty }) else {
            throw .temporary("the IMAP server at '\(address.shown)' gave no content for message \(entry.uid); it may have been moved meanwhile")
        }
        return fetched.literals[0]
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
