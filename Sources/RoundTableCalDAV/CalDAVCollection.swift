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

    /// Whether a login may be sent: over https, or in clear to this machine only.
    public var allowsLogin: Bool {
        let parsed = ServerURL(url, userPart: .beforePath)
        let host = parsed.host.lowercased()
        return parsed.scheme == "https" || host == "localhost" || host.hasPrefix("127.") || host == "[::1]"
    }

    /// The URL of a resource of this collection.
    public func resource(_ name: String) -> String { url + name }

    /// A collection inside this one, named `name` (a member's, under `--members`): a member id
    /// is letters, digits, '-', '_' and '.', which a URL path takes as they are.
    public func child(_ name: String) -> CalDAVCollection { CalDAVCollection(checked: url + name + "/") }

    private init(checked url: String) { self.url = url }
}
