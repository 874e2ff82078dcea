import CCurl
import Foundation
import RoundTableCore

/// The requests `publish` makes of a CalDAV server (PUT, DELETE, MKCALENDAR), through libcurl
/// on one handle, so they share a connection while the server keeps it open.
///
/// Answers every request would get alike stop the run here: no connection or a 5xx
/// (`.temporary`), 401 or 403 (`.notPermitted`), a redirect (`.misconfigured`: we never follow
/// one, which could take the login elsewhere). Any other answer is returned for the caller to
/// judge. The password goes to libcurl and nowhere else; libcurl's messages are searched for it
/// before they are shown, and its verbose mode is never switched on.
public final class CalDAVClient {
    /// What the server answered.
    public struct Response: Sendable {
        /// The HTTP status code.
        public let status: Int
        /// The ETag header of the answer, as sent (quotes included); nil when there was none.
        public let etag: String?
    }

    private let collection: CalDAVCollection
    private let login: CalDAVLogin?
    private let timeout: Int
    private let handle: UnsafeMutableRawPointer
    private let errorText: UnsafeMutablePointer<CChar>

    /// A client for the server of `collection`. A login goes only over https or to this machine:
    /// given for another http:// URL, it is refused (exit 69) before anything is sent, and
    /// ~/.netrc is not read for one. `timeout` (seconds) bounds connecting; a whole request may
    /// take four times as long.
    public init(for collection: CalDAVCollection, login: CalDAVLogin, timeout: Int = 30) throws(CalDAVError) {
        if case .password = login, !collection.allowsLogin {
            throw .misconfigured("the login would go in clear to '\(collection.shown)'; use https://")
        }
        switch rt_curl_load() {
        case RT_CURL_READY: break
        case RT_CURL_MISSING: throw .misconfigured(String(cString: rt_curl_missing_reason()))
        default: throw .temporary("libcurl could not be started")
        }
        guard let handle = rt_curl_easy_init() else { throw .temporary("libcurl could not be started") }
        self.collection = collection
        self.login = collection.allowsLogin ? login : nil
        self.timeout = timeout
        self.handle = handle
        errorText = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE))
    }

    deinit {
        rt_curl_easy_cleanup(handle)
        errorText.deallocate()
    }

    /// PUT `text` (an iCalendar object) at `url`, if the server meets `condition`.
    public func put(_ text: String, at url: String, condition: PublishPlanner.Condition?) throws(CalDAVError) -> Response {
        try perform("PUT", url, headers: ["Content-Type: text/calendar; charset=utf-8"] + Self.headers(for: condition),
                    body: Array(text.utf8))
    }

    /// DELETE `url`, if the server meets `condition`.
    public func delete(_ url: String, condition: PublishPlanner.Condition?) throws(CalDAVError) -> Response {
        try perform("DELETE", url, headers: Self.headers(for: condition), body: nil)
    }

    /// MKCALENDAR `url` with a display name (RFC 4791, 5.3.1).
    public func makeCalendar(_ url: String, displayName: String) throws(CalDAVError) -> Response {
        let body = """
            <?xml version="1.0" encoding="utf-8"?>
            <C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
              <D:set><D:prop><D:displayname>\(Self.xmlEscaped(displayName))</D:displayname></D:prop></D:set>
            </C:mkcalendar>
            """
        return try perform("MKCALENDAR", url, headers: ["Content-Type: application/xml; charset=utf-8"], body: Array(body.utf8))
    }

    private static func headers(for condition: PublishPlanner.Condition?) -> [String] {
        switch condition {
        case .absent?: return ["If-None-Match: *"]
        case .etag(let etag)?: return ["If-Match: \(etag)"]
        case nil: return []
        }
    }

    private func perform(_ method: String, _ url: String, headers: [String], body: [UInt8]?) throws(CalDAVError) -> Response {
        rt_curl_easy_reset(handle)
        // "Expect:" stops libcurl waiting for a 100 Continue some servers never send.
        var list: UnsafeMutablePointer<curl_slist>?
        for header in headers + ["Expect:"] { list = rt_curl_slist_append(list, header) }
        defer { rt_curl_slist_free_all(list) }
        let exchange = Unmanaged.passRetained(Exchange())
        defer { exchange.release() }
        var results = [
            rt_curl_setopt_string(handle, CURLOPT_URL, url),
            rt_curl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, method),
            rt_curl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https"),
            rt_curl_setopt_string(handle, CURLOPT_USERAGENT, "roundtable"),
            rt_curl_setopt_slist(handle, CURLOPT_HTTPHEADER, list),
            rt_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1),
            rt_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT, timeout),
            rt_curl_setopt_long(handle, CURLOPT_TIMEOUT, min(timeout, Int.max / 4) * 4),
            rt_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorText),
            rt_curl_setopt_data_callback(handle, CURLOPT_HEADERFUNCTION, headerCallback),
            rt_curl_setopt_pointer(handle, CURLOPT_HEADERDATA, exchange.toOpaque()),
            rt_curl_setopt_data_callback(handle, CURLOPT_WRITEFUNCTION, discardCallback),
        ]
        if let body {
            results.append(rt_curl_setopt_off(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count)))
            results.append(body.withUnsafeBytes { rt_curl_setopt_pointer(handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: $0.baseAddress)) })
        }
        switch login {
        case .password(let user, let password)?:
            results.append(rt_curl_setopt_long(handle, CURLOPT_HTTPAUTH, RT_CURLAUTH_BASIC))
            results.append(rt_curl_setopt_string(handle, CURLOPT_USERNAME, user))
            results.append(rt_curl_setopt_string(handle, CURLOPT_PASSWORD, password))
        case .netrc?:
            results.append(rt_curl_setopt_long(handle, CURLOPT_HTTPAUTH, RT_CURLAUTH_BASIC))
            results.append(rt_curl_setopt_long(handle, CURLOPT_NETRC, Int(CURL_NETRC_OPTIONAL.rawValue)))
        case nil:
            break
        }
        if let refused = results.first(where: { $0 != CURLE_OK }) {
            throw .misconfigured("libcurl cannot send to '\(collection.shown)': \(String(cString: rt_curl_easy_strerror(refused)))")
        }
        errorText[0] = 0
        let code = rt_curl_easy_perform(handle)
        guard code == CURLE_OK else { throw failure(code) }
        var status = 0
        rt_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        let shown = collection.shown
        switch status {
        case 401:
            throw .notPermitted("the CalDAV server at '\(shown)' refused the login (401); "
                + "check ROUNDTABLE_CALDAV_USER and ROUNDTABLE_CALDAV_PASSWORD, or the server's entry in ~/.netrc")
        case 403:
            throw .notPermitted("the CalDAV server refused \(method) in '\(shown)' (403); check that the login may write there")
        case 300 ..< 400:
            throw .misconfigured("'\(shown)' answered \(status), a redirect; use the URL it leads to")
        case 500 ..< 600:
            throw .temporary("the CalDAV server at '\(shown)' answered \(status) to \(method)")
        default:
            return Response(status: status, etag: exchange.takeUnretainedValue().etag)
        }
    }

    /// A request libcurl could not complete. A bad URL or an untrusted certificate needs someone
    /// to change the setup (69); anything else (refused, reset, timed out) may pass (75).
    private func failure(_ code: CURLcode) -> CalDAVError {
        let text = String(cString: errorText)
        var detail = text.isEmpty ? String(cString: rt_curl_easy_strerror(code)) : text
        if case .password(_, let password)? = login { detail = detail.replacingOccurrences(of: password, with: "***") }
        let shown = collection.shown
        switch code {
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL:
            return .misconfigured("the CalDAV URL '\(shown)' cannot be used: \(detail)")
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE:
            return .misconfigured("the certificate of the CalDAV server at '\(shown)' is not trusted (\(detail))")
        default:
            return .temporary("cannot reach '\(shown)': \(detail)")
        }
    }

    private static func xmlEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}

/// What libcurl reports of one response through CURLOPT_HEADERDATA: its ETag.
private final class Exchange {
    var etag: String?

    /// One header line. A status line starts a new response (after an interim 1xx, say), whose
    /// headers alone count.
    func read(_ line: String) {
        if line.hasPrefix("HTTP/") {
            etag = nil
        } else if let colon = line.firstIndex(of: ":"), line[..<colon].lowercased() == "etag" {
            etag = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }
}

/// CURLOPT_HEADERFUNCTION: hands each header line to the `Exchange` behind `context`.
private let headerCallback: @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int = {
    buffer, size, count, context in
    guard let buffer, let context else { return 0 }
    let bytes = UnsafeRawBufferPointer(start: buffer, count: size * count)
    Unmanaged<Exchange>.fromOpaque(context).takeUnretainedValue().read(String(decoding: bytes, as: UTF8.self))
    return size * count
}

/// CURLOPT_WRITEFUNCTION: a response body is not needed (its status says it all), only read.
private let discardCallback: @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int = {
    _, size, count, _ in size * count
}
