import Foundation

/// A server's URL (`ROUNDTABLE_SMTP_URL`, a CalDAV collection) as roundtable reads it before
/// libcurl does: enough to check it, to know whether it carries credentials, and to show it in
/// messages without them. Every message that names a server goes through `shown` or
/// `shownWithPath`, so no piece of a secret reaches one by being mistaken for something else:
/// when in doubt, more is hidden.
public struct ServerURL: Sendable {
    /// How far the user part may reach, which depends on what the URL's path may hold.
    public enum UserPart: Sendable {
        /// Up to the *last* `@` of the whole text, even past a `/`, `?` or `#`: a password may
        /// hold them, and a strict parse would end the authority there and take the rest of the
        /// password for a path. For URLs with no path worth showing (SMTP).
        case upToLastAt
        /// Up to the last `@` before the first `/`, `?` or `#`: for URLs whose path may hold an
        /// `@` (a CalDAV collection named after an address), where the user part is refused anyway.
        case beforePath
    }

    /// The text as given; this is what libcurl gets.
    public let text: String
    /// The scheme, lowercased; nil when the text does not start with `scheme://`.
    public let scheme: String?
    /// The user part (user, and `:password` if any); nil when there is none.
    public let userInfo: Substring?
    /// What follows the user part, up to the first `/`, `?` or `#`.
    private let hostAndPort: Substring
    /// From the first `/` after the host to the first `?` or `#`; empty when there is none.
    public let path: Substring

    /// Reads `text` as libcurl would, the user part reaching as far as `userPart` says.
    public init(_ text: String, userPart: UserPart) {
        self.text = text
        var rest = Substring(text)
        if let separator = text.range(of: "://"), Self.isScheme(text[..<separator.lowerBound]) {
            scheme = text[..<separator.lowerBound].lowercased()
            rest = text[separator.upperBound...]
        } else {
            scheme = nil
        }
        let searched = userPart == .upToLastAt ? rest : rest.prefix { !"/?#".contains($0) }
        if let at = searched.lastIndex(of: "@") {
            userInfo = rest[..<at]
            rest = rest[rest.index(after: at)...]
        } else {
            userInfo = nil
        }
        hostAndPort = rest.prefix { !"/?#".contains($0) }
        path = rest[hostAndPort.endIndex...].prefix { !"?#".contains($0) }
    }

    /// The host, without the port (an IPv6 address keeps its brackets).
    public var host: Substring {
        guard let portStart else { return hostAndPort }
        return hostAndPort[..<portStart]
    }

    /// The port as written; nil when there is none. Not checked to be a number.
    public var port: Substring? {
        portStart.map { hostAndPort[hostAndPort.index(after: $0)...] }
    }

    /// Whether the port, if there is one, is a plain number. A port that is not is hidden when
    /// shown: in `smtp://user:secret` (a URL that lost its host) it is a password.
    public var hasNumericPort: Bool {
        port.map { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } } ?? true
    }

    /// `scheme://host:port`, never a user part, path, query or fragment.
    public var shown: String {
        let prefix = scheme.map { "\($0)://" } ?? ""
        guard let portStart, !hasNumericPort else { return prefix + hostAndPort }
        return prefix + hostAndPort[...portStart] + "…"
    }

    /// `shown` and the path, each segment that holds an `@` shown as `…` (it could be the rest
    /// of a user part with a `/` in it). No path at all when the port is hidden.
    public var shownWithPath: String {
        guard hasNumericPort else { return shown }
        return shown + path.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.contains("@") ? "…" : $0 }.joined(separator: "/")
    }

    /// The password of the user part, as written and percent-decoded: libcurl's messages are
    /// searched for both before they are shown.
    public var secrets: [String] {
        guard let password = userInfo?.split(separator: ":", maxSplits: 1).dropFirst().first else { return [] }
        return [String(password), Self.percentDecoded(password)].compactMap { $0 }.filter { !$0.isEmpty }
    }

    private var portStart: Substring.Index? {
        hostAndPort.hasPrefix("[")
            ? hostAndPort.firstIndex(of: "]").flatMap { hostAndPort[$0...].firstIndex(of: ":") }
            : hostAndPort.lastIndex(of: ":")
    }

    /// RFC 3986's `ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )`: so a user part holding `://`
    /// in a URL without a scheme is not taken for one (and shown).
    private static func isScheme(_ text: Substring) -> Bool {
        guard let first = text.first, first.isASCII, first.isLetter else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    }

    /// `%XX` escapes decoded (Foundation's `removingPercentEncoding`, which this module does not
    /// import); nil when an escape is broken or the bytes are not UTF-8.
    private static func percentDecoded(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        var utf8 = text.utf8.makeIterator()
        while let byte = utf8.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = utf8.next(), let low = utf8.next(),
                  let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) else { return nil }
            bytes.append(value)
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
