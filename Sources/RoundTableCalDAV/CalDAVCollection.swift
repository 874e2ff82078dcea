import Glibc
import RoundTableCore

/// A CalDAV collection's URL (`--caldav`, `ROUNDTABLE_CALDAV_URL`), checked before any request.
///
/// Credentials never go in it (they come from `ROUNDTABLE_CALDAV_USER` and
/// `ROUNDTABLE_CALDAV_PASSWORD`, or ~/.netrc): a URL with a user part is refused, so the URL
/// can be kept in the state and named in messages. It always ends in `/`.
public struct CalDAVCollection: Hashable, Sendable {
    /// The URL, ending in `/`: what libcurl gets, and the collection's key in the state.
    public let url: String

    /// Refuses what is not an http(s) URL of a host, or carries a user part, query or fragment.
    public init(_ text: String) throws(CalDAVError) {
        let parsed = ServerURL(text, userPart: .beforePath)
        let shown = "'\(parsed.shownWithPath)'"
        guard parsed.scheme == "https" || parsed.scheme == "http" else {
            throw .misconfigured("the CalDAV URL \(shown) must start with https:// (or http:// to this machine)")
        }
        guard parsed.userInfo == nil else {
            throw .misconfigured("the CalDAV URL \(shown) holds a user part; take it out and set ROUNDTABLE_CALDAV_USER "
                + "and ROUNDTABLE_CALDAV_PASSWORD, or put the login in ~/.netrc")
        }
        guard !parsed.host.isEmpty, parsed.hasNumericPort, !text.contains("?"), !text.contains("#") else {
            throw .misconfigured("the CalDAV URL \(shown) cannot be used: it needs a host, at most a numeric port, and no '?' or '#'")
        }
        url = text.hasSuffix("/") ? text : text + "/"
    }

    /// The URL as messages show it (`ServerURL.shownWithPath`).
    public var shown: String { ServerURL(url, userPart: .beforePath).shownWithPath }

    /// Whether the URL is https.
    public var isHTTPS: Bool { ServerURL(url, userPart: .beforePath).scheme == "https" }

    /// Whether the host is this machine: an IPv4 address in 127.0.0.0/8 written as four numbers,
    /// `[::1]` (however written), or `localhost`, which libcurl resolves to those itself without
    /// asking DNS. A name that merely starts with `127.` (`127.evil.example`) is somebody else's.
    public var isLoopback: Bool {
        let host = ServerURL(url, userPart: .beforePath).host.lowercased()
        if host == "localhost" { return true }
        if host.hasPrefix("["), host.hasSuffix("]") {
            var address = in6_addr()
            guard inet_pton(AF_INET6, String(host.dropFirst().dropLast()), &address) == 1 else { return false }
            return withUnsafeBytes(of: &address) { $0.elementsEqual([UInt8](repeating: 0, count: 15) + [1]) }
        }
        var address = in_addr()
        guard inet_pton(AF_INET, host, &address) == 1 else { return false }
        return withUnsafeBytes(of: &address) { $0.first == 127 }
    }

    /// The collections this one is inside, nearest first, up to (not including) the server's
    /// root: what `--create` makes, from the top down, when the server has none of them.
    public var parents: [CalDAVCollection] {
        let parsed = ServerURL(url, userPart: .beforePath)
        let origin = url.dropLast(parsed.path.count)
        var segments = parsed.path.split(separator: "/")
        var parents: [CalDAVCollection] = []
        while segments.count > 1 {
            segments.removeLast()
            parents.append(CalDAVCollection(checked: origin + "/" + segments.joined(separator: "/") + "/"))
        }
        return parents
    }

    /// The URL of a resource of this collection.
    public func resource(_ name: String) -> String { url + name }

    /// A collection inside this one, named `name` (a member's, under `--members`): a member id
    /// is letters, digits, '-', '_' and '.', which a URL path takes as they are.
    public func child(_ name: String) -> CalDAVCollection { CalDAVCollection(checked: url + name + "/") }

    private init(checked url: String) { self.url = url }
}
