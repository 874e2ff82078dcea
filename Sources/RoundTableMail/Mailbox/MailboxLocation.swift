import Foundation

/// What `rsvp --mailbox` was given: a local Maildir, or an IMAP folder on a server.
public enum MailboxLocation: Equatable, Sendable {
    /// `maildir:PATH`.
    case maildir(path: String)
    /// `imaps://USER@HOST[:PORT]/FOLDER` (TLS from the start) or `imap://…` (STARTTLS, required).
    case imap(IMAPAddress)

    /// An IMAP folder, its server and the user who logs in.
    public struct IMAPAddress: Equatable, Sendable {
        /// Whether TLS starts at once (imaps, port 993) or by STARTTLS (imap, port 143).
        public let implicitTLS: Bool
        public let user: String
        public let host: String
        public let port: Int
        /// The folder, decoded from the URL's path ("INBOX" when the path is empty).
        public let folder: String

        /// The server for libcurl, without the folder: `imaps://host:port/`, with the user
        /// (percent-encoded) when libcurl is to find the password in ~/.netrc.
        func serverURL(withUser: Bool) -> String {
            let user = withUser ? (self.user.addingPercentEncoding(withAllowedCharacters: .urlUserAllowed) ?? self.user) + "@" : ""
            return "\(implicitTLS ? "imaps" : "imap")://\(user)\(host.contains(":") ? "[\(host)]" : host):\(port)/"
        }

        /// How the mailbox is shown and named in the state: never a password, which the URL cannot hold.
        public var shown: String { "\(implicitTLS ? "imaps" : "imap")://\(user)@\(host.contains(":") ? "[\(host)]" : host):\(port)/\(folder)" }
    }

    /// Reads a `--mailbox` value; a password in the URL is refused, as it would show in `ps`
    /// and cron's logs.
    public init(_ text: String) throws(MailboxError) {
        if text.hasPrefix("maildir:") {
            let path = String(text.dropFirst("maildir:".count))
            guard !path.isEmpty else { throw .badURL("'maildir:' needs the Maildir's path, as in maildir:/var/mail/coord/Maildir.") }
            self = .maildir(path: path)
            return
        }
        let scheme = text.prefix { $0 != ":" }.lowercased()
        guard scheme == "imaps" || scheme == "imap", text.dropFirst(scheme.count).hasPrefix("://") else {
            throw .badURL("'\(Self.excerpt(text))' is not a mailbox: use imaps://USER@HOST[:PORT]/FOLDER, imap://USER@HOST[:PORT]/FOLDER or maildir:PATH.")
        }
        let rest = text.dropFirst(scheme.count + 3)
        let authority = rest.prefix { $0 != "/" }
        let path = rest.dropFirst(authority.count).drop { $0 == "/" }
        guard let at = authority.lastIndex(of: "@") else {
            throw .badURL("The mailbox URL names no user: write it as \(scheme)://USER@HOST/FOLDER (the password comes from ROUNDTABLE_IMAP_PASSWORD or ~/.netrc).")
        }
        let userPart = authority[..<at], hostPart = authority[authority.index(after: at)...]
        guard !userPart.contains(":") else {
            throw .badURL("The mailbox URL holds a password; take it out and set ROUNDTABLE_IMAP_PASSWORD (or use ~/.netrc) instead.")
        }
        guard let user = String(userPart).removingPercentEncoding, !user.isEmpty,
              let folder = String(path).removingPercentEncoding else {
            throw .badURL("The mailbox URL '\(Self.excerpt(text))' cannot be read: percent-encode '@', '/' and '%' in the user and folder.")
        }
        var host = String(hostPart), port = scheme == "imaps" ? 993 : 143
        if let colon = host.lastIndex(of: ":"), !host.hasSuffix("]") {
            guard let number = Int(host[host.index(after: colon)...]), (1...65535).contains(number) else {
                throw .badURL("The port in '\(Self.excerpt(text))' is not a number from 1 to 65535.")
            }
            port = number
            host = String(host[..<colon])
        }
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else { throw .badURL("The mailbox URL '\(Self.excerpt(text))' names no server.") }
        guard folder.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7f }), user.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7f }) else {
            throw .badURL("The user and folder of a mailbox URL must be printable ASCII.")
        }
        self = .imap(IMAPAddress(implicitTLS: scheme == "imaps", user: user, host: host, port: port, folder: folder.isEmpty ? "INBOX" : folder))
    }

    private static func excerpt(_ text: String) -> String { String(text.prefix(80)) }
}

extension MailboxLocation {
    /// The mailbox to read; an IMAP login takes its password from `ROUNDTABLE_IMAP_PASSWORD`,
    /// else from `~/.netrc` (libcurl reads it), and trusts `ROUNDTABLE_IMAP_CA_FILE` alone when set.
    /// `moveTo` is where handled replies go instead of being marked.
    public func mailbox(moveTo: String?, environment: [String: String]) -> any Mailbox {
        switch self {
        case .maildir(let path):
            return MaildirMailbox(path: path, moveTo: moveTo)
        case .imap(let address):
            let set = { (name: String) in environment[name].flatMap { $0.isEmpty ? nil : $0 } }
            return IMAPMailbox(address, password: set("ROUNDTABLE_IMAP_PASSWORD"), caFile: set("ROUNDTABLE_IMAP_CA_FILE"), moveTo: moveTo)
        }
    }
}
