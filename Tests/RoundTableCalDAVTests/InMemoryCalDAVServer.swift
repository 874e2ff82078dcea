import RoundTableCalDAV
import RoundTableCore

/// A CalDAV server in memory: resources by URL with ETags, conditional requests as RFC 9110
/// has them (If-None-Match: *, If-Match), and, to order, the faults a real one shows. Its
/// answers are judged as `CalDAVClient` judges a real server's (`CalDAVResponse.judged`).
final class InMemoryCalDAVServer: CalDAVServer {
    /// What a request meets instead of an ordinary answer.
    enum Fault {
        /// This status (429, 503, ...), with a Retry-After header if given; nothing is done.
        case status(Int, retryAfter: String?)
        /// The request is carried out, but its answer cannot be read (`.inDoubt`).
        case garbledAnswer
    }

    struct Stored: Equatable {
        var text: String
        var etag: String
    }

    let shown: String
    /// What the server holds, by URL.
    private(set) var resources: [String: Stored] = [:]
    private(set) var collections: Set<String> = []
    /// Every request, as "METHOD url", in order.
    private(set) var requests: [String] = []
    /// The fault each method's next request meets, used once.
    var faults: [String: Fault] = [:]
    private var lastETag = 0

    init(shown: String) { self.shown = shown }

    /// Someone else, another client, changes what is at `url`: it gets a new ETag.
    func edit(_ url: String, text: String) {
        resources[url] = Stored(text: text, etag: newETag())
    }

    func put(_ text: String, at url: String, condition: PublishPlanner.Condition?) throws(CalDAVError) -> CalDAVResponse {
        try answer("PUT", url) { () -> (Int, String?) in
            guard meets(condition, resources[url]) else { return (412, nil) }
            let status = resources[url] == nil ? 201 : 204
            resources[url] = Stored(text: text, etag: newETag())
            return (status, resources[url]?.etag)
        }
    }

    func delete(_ url: String, condition: PublishPlanner.Condition?) throws(CalDAVError) -> CalDAVResponse {
        try answer("DELETE", url) { () -> (Int, String?) in
            guard resources[url] != nil else { return (404, nil) }
            guard meets(condition, resources[url]) else { return (412, nil) }
            resources[url] = nil
            return (204, nil)
        }
    }

    func get(_ url: String) throws(CalDAVError) -> CalDAVResponse {
        try answer("GET", url) { () -> (Int, String?) in (resources[url] == nil ? 404 : 200, resources[url]?.etag) }
    }

    func makeCalendar(_ url: String, displayName: String) throws(CalDAVError) -> CalDAVResponse {
        try answer("MKCALENDAR", url) { () -> (Int, String?) in (collections.insert(url).inserted ? 201 : 405, nil) }
    }

    func makeCollection(_ url: String) throws(CalDAVError) -> CalDAVResponse {
        try answer("MKCOL", url) { () -> (Int, String?) in (collections.insert(url).inserted ? 201 : 405, nil) }
    }

    /// One request: logged, met by its fault if one is set, else carried out by `act`.
    private func answer(_ method: String, _ url: String, _ act: () -> (status: Int, etag: String?)) throws(CalDAVError) -> CalDAVResponse {
        requests.append("\(method) \(url)")
        let fault = faults.removeValue(forKey: method)
        if case .status(let status, let retryAfter)? = fault {
            return try CalDAVResponse.judged(status: status, etag: nil, body: [], retryAfter: retryAfter.map { Array($0.utf8) },
                                             method: method, shown: shown)
        }
        let (status, etag) = act()
        if case .garbledAnswer? = fault { throw .inDoubt("the answer of '\(shown)' to \(method) cannot be read") }
        let body = method == "GET" ? Array((resources[url]?.text ?? "").utf8) : []
        return try CalDAVResponse.judged(status: status, etag: etag, body: body, retryAfter: nil, method: method, shown: shown)
    }

    private func meets(_ condition: PublishPlanner.Condition?, _ stored: Stored?) -> Bool {
        switch condition {
        case nil: return true
        case .absent?: return stored == nil
        case .etag(let etag)?: return stored?.etag == etag
        }
    }

    private func newETag() -> String {
        lastETag += 1
        return "\"\(lastETag)\""
    }
}

/// The publish ledger as the state keeps it (`StateStore+Publications.swift`), in memory.
final class InMemoryLedger: PublicationLedger {
    private(set) var rows: [String: PublishedResource] = [:]

    func published() throws -> [PublishedResource] { rows.values.sorted { $0.uid < $1.uid } }

    func beginPut(_ resource: CalendarResource, href: String) throws {
        let kept = rows[resource.uid]
        rows[resource.uid] = PublishedResource(uid: resource.uid, href: kept?.href ?? href, etag: kept?.etag,
                                               fingerprint: kept?.fingerprint ?? resource.fingerprint, inDoubt: true)
    }

    func confirmPut(_ resource: CalendarResource, href: String, etag: String?) throws {
        rows[resource.uid] = PublishedResource(uid: resource.uid, href: href, etag: etag, fingerprint: resource.fingerprint, inDoubt: false)
    }

    func restore(_ previous: PublishedResource?, uid: String) throws {
        rows[uid] = previous
    }
}
