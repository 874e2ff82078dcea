import Foundation
import NIOCore

/// How the server listens and what it accepts.
public struct ServeConfiguration: Sendable {
    /// The address and port to listen on (port 0: any free one, reported once listening).
    public var host: String
    public var port: Int
    /// The address the pages are reached at from outside (behind a reverse proxy), used for the
    /// absolute links a calendar client subscribes to; nil: from the request's Host and
    /// X-Forwarded-Proto.
    public var baseURL: String?
    /// A connection with nothing read or written for this long is closed, so that a slow or
    /// silent client cannot hold one open.
    public var idleTimeout: TimeAmount = .seconds(30)
    /// The largest header line and the largest header section accepted (the request line and
    /// every header field); a bigger request is refused before any handler sees it.
    public var maxHeaderFieldSize = 8 * 1024
    public var maxHeaderListSize = 16 * 1024
    public var maxHeaderFieldCount = 64
    /// The largest request body (an answer's form is a few hundred bytes).
    public var maxBodySize = 16 * 1024
    /// The clock the pages and answers go by (seconds since the epoch): the system's, or a fixed
    /// instant for tests and demos (`ROUNDTABLE_NOW`, as every command reads it), handed in by the
    /// executable, the one place the server reads a clock. HTTP's own dates (Last-Modified) always
    /// use the system's.
    public var now: @Sendable () -> Int

    /// Listening on `host`:`port`, going by `now`.
    public init(host: String, port: Int, baseURL: String? = nil, now: @escaping @Sendable () -> Int) {
        self.host = host
        self.port = port
        self.baseURL = baseURL
        self.now = now
    }

    /// `HOST:PORT` or `[IPV6]:PORT` as given to `--listen`.
    public static func listenAddress(_ text: String) throws(ServeError) -> (host: String, port: Int) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65_535).contains(port) else {
            throw .badListenAddress(text)
        }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty, !host.contains(where: { $0 == "/" || $0 == " " }) else { throw .badListenAddress(text) }
        return (host, port)
    }

    /// `--base-url` without a trailing slash; only http(s) addresses with a host.
    public static func baseURL(_ text: String) throws(ServeError) -> String {
        let trimmed = text.hasSuffix("/") ? String(text.dropLast()) : text
        for scheme in ["https://", "http://"] where trimmed.hasPrefix(scheme) {
            let rest = trimmed.dropFirst(scheme.count)
            if !rest.isEmpty, !rest.hasPrefix("/"), !rest.contains(where: { $0 == " " || $0 == "\"" || $0 == "<" || $0 == ">" || $0 == "?" || $0 == "#" }) {
                return trimmed
            }
        }
        throw .badBaseURL(text)
    }
}
