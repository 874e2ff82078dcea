/// What a CalDAV server answered a request that publishing goes on from.
public struct CalDAVResponse: Sendable, Equatable {
    /// The HTTP status code.
    public let status: Int
    /// The ETag header of the answer, as `EntityTag.text` keeps it; nil when there was none.
    public let etag: String?
    /// The body of an answer to GET (at most `CalDAVClient.bodyLimit` bytes); empty for other requests.
    public let body: [UInt8]

    public init(status: Int, etag: String?, body: [UInt8] = []) {
        self.status = status
        self.etag = etag
        self.body = body
    }

    /// An HTTP answer judged the way every `CalDAVServer` judges one: answers every request
    /// would get alike stop the run (401 and 403 `.notPermitted`, a redirect `.misconfigured`,
    /// 429 and 503 `.temporary` naming the server's Retry-After, another 5xx `.inDoubt`); the
    /// others (2xx, 4xx) are returned for the caller to judge. `shown` names the collection.
    public static func judged(status: Int, etag: String?, body: [UInt8], retryAfter: [UInt8]?, method: String,
                              shown: String) throws(CalDAVError) -> CalDAVResponse {
        switch status {
        case 401:
            throw .notPermitted("the CalDAV server at '\(shown)' refused the login (401); "
                + "check ROUNDTABLE_CALDAV_USER and ROUNDTABLE_CALDAV_PASSWORD, or the server's entry in ~/.netrc")
        case 403:
            throw .notPermitted("the CalDAV server refused \(method) in '\(shown)' (403); check that the login may write there")
        case 300 ..< 400:
            throw .misconfigured("'\(shown)' answered \(status), a redirect; use the URL it leads to")
        case 429:
            throw .temporary("the CalDAV server at '\(shown)' answered 429 (too many requests) to \(method)\(waiting(retryAfter))")
        case 503:
            throw .temporary("the CalDAV server at '\(shown)' answered 503 (unavailable) to \(method)\(waiting(retryAfter))")
        case 500 ..< 600:
            throw .inDoubt("the CalDAV server at '\(shown)' answered \(status) to \(method)")
        case 200 ..< 300, 400 ..< 500:
            return CalDAVResponse(status: status, etag: etag, body: body)
        default:
            throw .inDoubt("the answer of '\(shown)' to \(method) cannot be read (status \(status))")
        }
    }

    /// ", and asks to wait N seconds (Retry-After)" or "… until DATE …", when the server said so
    /// in a form that can be shown; empty otherwise.
    private static func waiting(_ retryAfter: [UInt8]?) -> String {
        guard let retryAfter, !retryAfter.isEmpty, retryAfter.count <= 64,
              retryAfter.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return "" }
        let text = String(decoding: retryAfter, as: UTF8.self)
        if text.allSatisfy(\.isNumber) { return " and asks to wait \(text) seconds (Retry-After: \(text))" }
        return " and asks to wait until \(text) (Retry-After)"
    }
}
