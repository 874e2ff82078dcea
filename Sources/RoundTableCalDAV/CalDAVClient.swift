import CCurl
import Foundation
import RoundTableCore

/// The requests `publish` makes of a CalDAV server (PUT, DELETE, GET, MKCALENDAR, MKCOL), through
/// libcurl on one handle, so they share a connection while the server keeps it open, and the login
/// scheme libcurl settled on with the first request (Basic or Digest, whichever the server
/// offers) is used straight away by the others.
///
/// Answers every request would get alike stop the run here: no connection (`.temporary`), an
/// answer that cannot be read (`.inDoubt`), and the statuses `CalDAVResponse.judged` sorts
/// (a redirect is never followed, which could take the login elsewhere). Any other answer is
/// returned for the caller to judge.
/// The password goes to libcurl and nowhere else; libcurl's messages are searched for it before
/// they are shown, and its verbose mode is never switched on.
public final class CalDAVClient: CalDAVServer {
    /// What the server answered.
    public typealias Response = CalDAVResponse

    /// The largest body kept: one calendar object is far smaller; anything larger is not ours.
    static let bodyLimit = 16 << 20

    private let collection: CalDAVCollection
    private let login: CalDAVLogin?
    private let handle: UnsafeMutableRawPointer
    private let errorText: UnsafeMutablePointer<CChar>

    /// A client for the server of `collection`.
    ///
    /// A login goes only where nobody else can read it: over https, or over http to this machine
    /// (`CalDAVCollection.isLoopback`), which is then reached directly, never through a proxy
    /// named by `http_proxy` and the like. Given for another http:// URL, it is refused before
    /// anything is sent (exit 77) unless `insecureHTTP`; without it ~/.netrc is not read for one either.
    /// `caFile` names the certificates an https server's must chain to, instead of the system's.
    /// `timeout` (seconds) bounds connecting; a whole request may take four times as long.
    public init(for collection: CalDAVCollection, login: CalDAVLogin, insecureHTTP: Bool = false, caFile: String? = nil,
                timeout: Int = 30) throws(CalDAVError) {
        let confidential = collection.isHTTPS || collection.isLoopback
        if case .password = login, !confidential, !insecureHTTP {
            throw .notPermitted("the login would go in clear to '\(collection.shown)', which is plain http to another machine; "
                + "use https://, or pass --insecure-http to send it anyway")
        }
        switch rt_curl_load() {
        case RT_CURL_READY: break
        case RT_CURL_MISSING: throw .misconfigured(String(cString: rt_curl_missing_reason()))
        default: throw .temporary("libcurl could not be started")
        }
        guard let handle = rt_curl_easy_init() else { throw .temporary("libcurl could not be started") }
        self.collection = collection
        self.login = confidential || insecureHTTP ? login : nil
        self.handle = handle
        errorText = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE))
        errorText[0] = 0
        var results = [
            rt_curl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https"),
            rt_curl_setopt_string(handle, CURLOPT_USERAGENT, "roundtable"),
            rt_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1),
            rt_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT, timeout),
            rt_curl_setopt_long(handle, CURLOPT_TIMEOUT, min(timeout, Int.max / 4) * 4),
            rt_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorText),
            rt_curl_setopt_data_callback(handle, CURLOPT_HEADERFUNCTION, headerCallback),
            rt_curl_setopt_data_callback(handle, CURLOPT_WRITEFUNCTION, bodyCallback),
        ]
        // This machine is reached directly: a proxy would carry the login off it.
        if collection.isLoopback { results.append(rt_curl_setopt_string(handle, CURLOPT_NOPROXY, "*")) }
        if let caFile { results.append(rt_curl_setopt_string(handle, CURLOPT_CAINFO, caFile)) }
        switch self.login {
        case .password(let user, let password)?:
            results.append(rt_curl_setopt_long(handle, CURLOPT_HTTPAUTH, RT_CURLAUTH_BASIC_DIGEST))
            results.append(rt_curl_setopt_string(handle, CURLOPT_USERNAME, user))
            results.append(rt_curl_setopt_string(handle, CURLOPT_PASSWORD, password))
        case .netrc?:
            results.append(rt_curl_setopt_long(handle, CURLOPT_HTTPAUTH, RT_CURLAUTH_BASIC_DIGEST))
            results.append(rt_curl_setopt_long(handle, CURLOPT_NETRC, Int(CURL_NETRC_OPTIONAL.rawValue)))
        case nil:
            break
        }
        if let refused = results.first(where: { $0 != CURLE_OK }) {
            rt_curl_easy_cleanup(handle)
            errorText.deallocate()
            throw .misconfigured("libcurl cannot send to '\(collection.shown)': \(String(cString: rt_curl_easy_strerror(refused)))")
        }
    }

    deinit {
        rt_curl_easy_cleanup(handle)
        errorText.deallocate()
    }

    /// PUT `text` (an iCalendar object) at `url`, if the server meets `condition`.
    public func put(_ text: String, at url: String, condition: PublishPlanner.Condition?) throws(CalDAVError) -> Response {
        try perform("PUT", url, headers: [Array("Content-Type: text/calendar; charset=utf-8".utf8)] + Self.headers(for: condition),
                    body: Array(text.utf8))
    }

    /// DELETE `url`, if the server meets `condition`.
    public func delete(_ url: String, condition: PublishPlanner.Condition?) throws(CalDAVError) -> Response {
        try perform("DELETE", url, headers: Self.headers(for: condition), body: nil)
    }

    /// GET `url`: what the server holds there, and its ETag.
    public func get(_ url: String) throws(CalDAVError) -> Response {
        try perform("GET", url, headers: [], body: nil)
    }

    /// MKCALENDAR `url` with a display name (RFC 4791, 5.3.1).
    public func makeCalendar(_ url: String, displayName: String) throws(CalDAVError) -> Response {
        let body = """
            <?xml version="1.0" encoding="utf-8"?>
            <C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
              <D:set><D:prop><D:displayname>\(Self.xmlEscaped(displayName))</D:displayname></D:prop></D:set>
            </C:mkcalendar>
            """
        return try perform("MKCALENDAR", url, headers: [Array("Content-Type: application/xml; charset=utf-8".utf8)], body: Array(body.utf8))
    }

    /// MKCOL `url`: a plain collection (RFC 4918, 9.3), to hold calendars.
    public func makeCollection(_ url: String) throws(CalDAVError) -> Response {
        try perform("MKCOL", url, headers: [], body: nil)
    }

    private static func headers(for condition: PublishPlanner.Condition?) -> [[UInt8]] {
        switch condition {
        case .absent?: return [Array("If-None-Match: *".utf8)]
        case .etag(let etag)?: return [Array("If-Match: ".utf8) + EntityTag.bytes(of: etag)]
        case nil: return []
        }
    }

    private func perform(_ method: String, _ url: String, headers: [[UInt8]], body: [UInt8]?) throws(CalDAVError) -> Response {
        // "Expect:" stops libcurl waiting for a 100 Continue some servers never send.
        var list: UnsafeMutablePointer<curl_slist>?
        for header in headers + [Array("Expect:".utf8)] {
            list = (header + [0]).withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { rt_curl_slist_append(list, $0.baseAddress) } }
        }
        defer { rt_curl_slist_free_all(list) }
        let exchange = Unmanaged.passRetained(Exchange(keepsBody: method == "GET"))
        defer { exchange.release() }
        // The handle is not reset between requests, so that the login libcurl negotiated stays;
        // what differs from one request to the next is set again every time. HTTPGET forgets the
        // body of the request before.
        var results = [
            rt_curl_setopt_long(handle, CURLOPT_HTTPGET, 1),
            rt_curl_setopt_string(handle, CURLOPT_URL, url),
            rt_curl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, method),
            rt_curl_setopt_slist(handle, CURLOPT_HTTPHEADER, list),
            rt_curl_setopt_pointer(handle, CURLOPT_HEADERDATA, exchange.toOpaque()),
            rt_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, exchange.toOpaque()),
        ]
        if let body {
            results.append(rt_curl_setopt_off(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count)))
            results.append(body.withUnsafeBytes { rt_curl_setopt_pointer(handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: $0.baseAddress)) })
        }
        if let refused = results.first(where: { $0 != CURLE_OK }) {
            throw .misconfigured("libcurl cannot send to '\(collection.shown)': \(String(cString: rt_curl_easy_strerror(refused)))")
        }
        errorText[0] = 0
        let code = rt_curl_easy_perform(handle)
        guard code == CURLE_OK else { throw failure(code, method) }
        var status = 0
        rt_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        let answer = exchange.takeUnretainedValue()
        return try CalDAVResponse.judged(status: status, etag: answer.etag.map(EntityTag.text), body: answer.body,
                                         retryAfter: answer.retryAfter, method: method, shown: collection.shown)
    }

    /// A request libcurl could not complete. A bad URL or an untrusted certificate needs someone
    /// to change the setup (69); no connection means nothing was sent (75); anything after the
    /// request went out (no answer, a reset, a timeout, an answer that is not HTTP) leaves its
    /// outcome unknown (75, in doubt).
    private func failure(_ code: CURLcode, _ method: String) -> CalDAVError {
        let text = String(cString: errorText)
        var detail = text.isEmpty ? String(cString: rt_curl_easy_strerror(code)) : text
        if case .password(_, let password)? = login { detail = detail.replacingOccurrences(of: password, with: "***") }
        let shown = collection.shown
        switch code {
        case CURLE_URL_MALFORMAT:
            return .misconfigured("the CalDAV URL '\(shown)' cannot be used: \(detail)")
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE:
            return .misconfigured("the certificate of the CalDAV server at '\(shown)' is not trusted (\(detail)); "
                + "for a private CA, name its certificate in ROUNDTABLE_CALDAV_CA_FILE")
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY, CURLE_COULDNT_CONNECT, CURLE_SSL_CONNECT_ERROR:
            return .temporary("cannot reach '\(shown)': \(detail)")
        case CURLE_UNSUPPORTED_PROTOCOL, CURLE_WEIRD_SERVER_REPLY, CURLE_HTTP2, CURLE_BAD_CONTENT_ENCODING:
            return .inDoubt("the answer of '\(shown)' to \(method) cannot be read (\(detail))")
        default:
            return .inDoubt("cannot reach '\(shown)': \(detail)")
        }
    }

    private static func xmlEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}

/// What libcurl reports of one response through CURLOPT_HEADERDATA and CURLOPT_WRITEDATA: its
/// ETag and Retry-After, as bytes, and, for a GET, its body up to `CalDAVClient.bodyLimit`.
private final class Exchange {
    /// Whether the body is kept; other answers' bodies are read and dropped, however long.
    let keepsBody: Bool
    /// The body passed the limit and was dropped.
    var overflowed = false
    var etag: [UInt8]?
    var retryAfter: [UInt8]?
    var body: [UInt8] = []

    init(keepsBody: Bool) { self.keepsBody = keepsBody }

    /// One header line, as bytes: an ETag may hold any byte from 0x80 up (RFC 9110 obs-text).
    /// A status line starts a new response (after an interim 1xx, or a 401 before the login),
    /// whose headers alone count.
    func read(_ line: UnsafeRawBufferPointer) {
        var line = Array(line)
        while let last = line.last, last == 0x0A || last == 0x0D { line.removeLast() }
        if line.starts(with: Array("HTTP/".utf8)) {
            etag = nil
            retryAfter = nil
            body = []
            overflowed = false
            return
        }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return }
        let name = String(decoding: line[..<colon], as: UTF8.self).lowercased()
        let value = Array(line[(colon + 1)...].drop { $0 == 0x20 || $0 == 0x09 }.reversed().drop { $0 == 0x20 || $0 == 0x09 }.reversed())
        switch name {
        case "etag": etag = EntityTag.isValid(value) ? value : nil
        case "retry-after": retryAfter = value
        default: break
        }
    }
}

/// CURLOPT_HEADERFUNCTION: hands each header line to the `Exchange` behind `context`.
private let headerCallback: @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int = {
    buffer, size, count, context in
    guard let buffer, let context else { return 0 }
    Unmanaged<Exchange>.fromOpaque(context).takeUnretainedValue().read(UnsafeRawBufferPointer(start: buffer, count: size * count))
    return size * count
}

/// CURLOPT_WRITEFUNCTION: keeps a GET's body, up to the limit. A longer one is not one of our
/// calendar objects: it is dropped whole (an empty body), and the rest read to the end.
private let bodyCallback: @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int = {
    buffer, size, count, context in
    guard let buffer, let context else { return 0 }
    let exchange = Unmanaged<Exchange>.fromOpaque(context).takeUnretainedValue()
    guard exchange.keepsBody, !exchange.overflowed else { return size * count }
    guard exchange.body.count + size * count <= CalDAVClient.bodyLimit else {
        exchange.overflowed = true
        exchange.body = []
        return size * count
    }
    exchange.body.append(contentsOf: UnsafeRawBufferPointer(start: buffer, count: size * count))
    return size * count
}
