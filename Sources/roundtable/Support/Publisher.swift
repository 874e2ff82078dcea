import RoundTableCalDAV
import RoundTableCore
import RoundTableStore

/// Makes CalDAV collections hold a series' calendar, as `PublishPlanner` says, recording the
/// outcome of each request in the state as it comes.
///
/// A put is recorded as started before it is sent and as done once the server took it: a run
/// that stops in between (server down, exit 75; killed) leaves that one resource in doubt, and
/// the next run puts it again. A resource edited on the server since we put it is reported and
/// left, and so is one the server refuses; the others are published all the same (then exit 65).
struct Publisher {
    let series: String
    let store: StateStore
    /// nil in a dry run, which sends nothing and needs no login.
    let client: CalDAVClient?
    let create: Bool
    let overwrite: Bool
    private(set) var notPublished: [String] = []

    init(series: String, store: StateStore, client: CalDAVClient?, create: Bool, overwrite: Bool) {
        self.series = series
        self.store = store
        self.client = client
        self.create = create
        self.overwrite = overwrite
    }

    /// Publishes `resources` into `collection`, created first (as a calendar named `title`)
    /// with `create` when there is anything to put there.
    mutating func publish(_ resources: [CalendarResource], to collection: CalDAVCollection, title: String) throws {
        let published = try store.published(series: series, collection: collection.url)
        let (steps, unchanged) = PublishPlanner.plan(resources, published: published, overwrite: overwrite)
        guard let client else {
            for step in steps { print("would \(step.verb) \(step.uid)") }
            print("\(collection.shown): \(steps.count { $0.verb == "create" }) to create, \(steps.count { $0.verb == "update" }) to update, "
                  + "\(steps.count { $0.verb == "delete" }) to delete, \(unchanged) unchanged (dry run)")
            return
        }
        if create && !steps.isEmpty { try makeCalendar(collection, title: title, with: client) }
        let previous = Dictionary(published.map { ($0.uid, $0) }, uniquingKeysWith: { first, _ in first })
        var done: [String: Int] = [:]
        for step in steps {
            let succeeded: Bool
            switch step {
            case .create(let resource, let condition), .update(let resource, let condition):
                succeeded = try put(resource, condition: condition, previous: previous[resource.uid], into: collection, with: client)
            case .delete(let resource, let condition):
                succeeded = try delete(resource, condition: condition, from: collection, with: client)
            }
            if succeeded {
                print("\(step.verb)d \(step.uid)")
                done[step.verb, default: 0] += 1
            }
        }
        print("\(collection.shown): \(done["create"] ?? 0) created, \(done["update"] ?? 0) updated, \(done["delete"] ?? 0) deleted, "
              + "\(unchanged) unchanged")
    }

    /// Exit 65 when anything was left unpublished, one line each, so cron mails the coordinator.
    func finish() throws {
        if !notPublished.isEmpty { throw CalDAVError.notPublished(notPublished) }
    }

    /// MKCALENDAR; a collection that is already there is fine (RFC 4791 answers 405, Radicale 409).
    private func makeCalendar(_ collection: CalDAVCollection, title: String, with client: CalDAVClient) throws {
        let status = try client.makeCalendar(collection.url, displayName: title).status
        switch status {
        case 201: print("created the calendar \(collection.shown)")
        case 405, 409: break
        default: throw CalDAVError.misconfigured("the CalDAV server answered \(status) when asked to create '\(collection.shown)'")
        }
    }

    /// One PUT; whether the server took it. Only a request whose outcome is unknown (`.temporary`)
    /// leaves the resource in doubt: any answer means the server did not change it.
    private mutating func put(_ resource: CalendarResource, condition: PublishPlanner.Condition?, previous: PublishedResource?,
                              into collection: CalDAVCollection, with client: CalDAVClient) throws -> Bool {
        let href = collection.resource(resource.name)
        try store.beginPut(resource, href: href, series: series, collection: collection.url)
        let response: CalDAVClient.Response
        do {
            response = try client.put(resource.text, at: href, condition: condition)
        } catch {
            if case .temporary = error {} else { try store.restore(previous, uid: resource.uid, series: series, collection: collection.url) }
            throw error
        }
        if (200 ..< 300).contains(response.status) {
            try store.confirmPut(resource, href: href, etag: response.etag, series: series, collection: collection.url)
            return true
        }
        try store.restore(previous, uid: resource.uid, series: series, collection: collection.url)
        switch response.status {
        case 412 where previous == nil:
            notPublished.append("'\(resource.uid)' is already in '\(collection.shown)', put there by someone else (or recorded in "
                + "another state file); it was left as it is. 'publish --overwrite' replaces it.")
        case 412:
            notPublished.append("'\(resource.uid)' in '\(collection.shown)' was changed on the server since it was published; "
                + "it was left as it is. 'publish --overwrite' replaces it.")
        case 404, 409:
            throw CalDAVError.misconfigured("the CalDAV server answered \(response.status) to a PUT into '\(collection.shown)': "
                + "does the collection exist? Create it in the calendar server, or pass --create")
        default:
            notPublished.append("the CalDAV server refused '\(resource.uid)' in '\(collection.shown)' with \(response.status)")
        }
        return false
    }

    /// One DELETE; whether the resource is gone (a 404 means someone removed it already).
    private mutating func delete(_ resource: PublishedResource, condition: PublishPlanner.Condition?,
                                 from collection: CalDAVCollection, with client: CalDAVClient) throws -> Bool {
        let status = try client.delete(resource.href, condition: condition).status
        switch status {
        case 200 ..< 300, 404, 410:
            try store.forgetPublished(uid: resource.uid, series: series, collection: collection.url)
            return true
        case 412:
            notPublished.append("'\(resource.uid)' in '\(collection.shown)' has left the calendar but was changed on the server "
                + "since it was published; it was left as it is. 'publish --overwrite' deletes it.")
        default:
            notPublished.append("the CalDAV server refused to delete '\(resource.uid)' in '\(collection.shown)' with \(status)")
        }
        return false
    }
}

extension PublishPlanner.Step {
    /// "create", "update" or "delete", for what is printed.
    fileprivate var verb: String {
        switch self {
        case .create: return "create"
        case .update: return "update"
        case .delete: return "delete"
        }
    }

    /// The UID the step is about.
    fileprivate var uid: String {
        switch self {
        case .create(let resource, _), .update(let resource, _): return resource.uid
        case .delete(let resource, _): return resource.uid
        }
    }
}
