import RoundTableCore

/// Makes CalDAV collections hold series' calendars, as `PublishPlanner` says, recording the
/// outcome of each request in a `PublicationLedger` (the state) as it comes: the workflow of
/// `publish --caldav`, over any `CalDAVServer`.
///
/// A put is recorded as started before it is sent and as done once the server took it: a run
/// that stops in between (no answer, an answer that cannot be read, exit 75; killed) leaves that
/// one resource in doubt, and the next run first asks the server what it holds there (`settle`).
/// A resource edited on the server since we put it is reported and left, and so is one the
/// server refuses; the others are published all the same (then exit 65). A server that asks us
/// to wait (429, 503) stops the run at once (75).
public struct CalDAVPublisher {
    /// nil in a dry run, which sends nothing and needs no login.
    let client: (any CalDAVServer)?
    let create: Bool
    let overwrite: Bool
    /// Where each line of what was done goes (the command prints it).
    let report: (String) -> Void
    /// One line for each resource left as it is, for `finish`.
    public private(set) var notPublished: [String] = []

    public init(client: (any CalDAVServer)?, create: Bool, overwrite: Bool, report: @escaping (String) -> Void) {
        self.client = client
        self.create = create
        self.overwrite = overwrite
        self.report = report
    }

    /// Publishes `resources` into `collection`, created first (as a calendar named `title`) with
    /// `create` when there is anything to put there; `ledger` is what was put there before.
    public mutating func publish(_ resources: [CalendarResource], to collection: CalDAVCollection, title: String,
                                 ledger: some PublicationLedger) throws {
        var published = try ledger.published()
        if let client, published.contains(where: \.inDoubt) {
            try settle(published, resources: resources, with: client, ledger: ledger)
            published = try ledger.published()
        }
        let (steps, unchanged) = PublishPlanner.plan(resources, published: published, overwrite: overwrite)
        guard let client else {
            for step in steps { report("would \(step.verb) \(step.uid)") }
            report("\(collection.shown): \(steps.count { $0.verb == "create" }) to create, \(steps.count { $0.verb == "update" }) to update, "
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
                succeeded = try put(resource, condition: condition, previous: previous[resource.uid], in: collection, with: client, ledger: ledger)
            case .delete(let resource, let condition):
                succeeded = try delete(resource, condition: condition, in: collection, with: client, ledger: ledger)
            }
            if succeeded {
                report("\(step.verb)d \(step.uid)")
                done[step.verb, default: 0] += 1
            }
        }
        report("\(collection.shown): \(done["create"] ?? 0) created, \(done["update"] ?? 0) updated, \(done["delete"] ?? 0) deleted, "
              + "\(unchanged) unchanged")
    }

    /// Exit 65 when anything was left unpublished, one line each, so cron mails the coordinator.
    public func finish() throws {
        if !notPublished.isEmpty { throw CalDAVError.notPublished(notPublished) }
    }

    /// Where a put of an earlier run is in doubt, asks the server what it holds (GET) and records
    /// that instead: our copy (done, under the ETag it has now), nothing or what was there before
    /// (not put: the plan puts it, with the condition it had), or anything else (someone else's:
    /// the plan's conditional put meets it and reports it). An answer that settles nothing leaves
    /// the resource in doubt, to be put again without a condition as before.
    private func settle(_ published: [PublishedResource], resources: [CalendarResource], with client: any CalDAVServer,
                        ledger: some PublicationLedger) throws {
        let current = Dictionary(resources.map { ($0.uid, $0) }, uniquingKeysWith: { first, _ in first })
        for previous in published where previous.inDoubt {
            guard let resource = current[previous.uid] else { continue }
            let answer = try client.get(previous.href)
            let found = (200 ..< 300).contains(answer.status)
            guard found || answer.status == 404 || answer.status == 410 else { continue }
            if found && resource.isHeld(in: String(decoding: answer.body, as: UTF8.self)) {
                try ledger.confirmPut(resource, href: previous.href, etag: answer.etag)
            } else if previous.etag == nil {
                try ledger.restore(nil, uid: previous.uid)
            } else {
                try ledger.restore(PublishedResource(uid: previous.uid, href: previous.href, etag: previous.etag,
                                                     fingerprint: previous.fingerprint, inDoubt: false), uid: previous.uid)
            }
        }
    }

    /// MKCALENDAR; a collection that is already there is fine (RFC 4791 answers 405, Radicale
    /// 409). A 409 may also mean a parent collection is missing (RFC 4918): those are made
    /// (`makeParents`) and MKCALENDAR asked again.
    private func makeCalendar(_ collection: CalDAVCollection, title: String, with client: any CalDAVServer) throws {
        var status = try client.makeCalendar(collection.url, displayName: title).status
        if status == 409, try makeParents(of: collection, with: client) {
            status = try client.makeCalendar(collection.url, displayName: title).status
        }
        switch status {
        case 201: report("created the calendar \(collection.shown)")
        case 405, 409: break
        default: throw CalDAVError.misconfigured("the CalDAV server answered \(status) when asked to create '\(collection.shown)'")
        }
    }

    /// MKCOL for the parents of `collection` the server lacks: up from the nearest while each
    /// answers 409 (its own parent is missing too), then down again making those; whether any
    /// request was made. A parent the login may not create stops the climb.
    private func makeParents(of collection: CalDAVCollection, with client: any CalDAVServer) throws -> Bool {
        let parents = collection.parents
        var missing = 0
        climb: for parent in parents {
            let status: Int
            do {
                status = try client.makeCollection(parent.url).status
            } catch CalDAVError.notPermitted {
                break climb
            }
            switch status {
            case 201:
                report("created the collection \(parent.shown)")
                break climb
            case 409: missing += 1
            default: break climb
            }
        }
        for parent in parents.prefix(missing).reversed() {
            if try client.makeCollection(parent.url).status == 201 { report("created the collection \(parent.shown)") }
        }
        return !parents.isEmpty
    }

    /// One PUT; whether the server took it. Only a request whose outcome is unknown (`.inDoubt`)
    /// leaves the resource in doubt: any answer that can be read means the server did not change it.
    private mutating func put(_ resource: CalendarResource, condition: PublishPlanner.Condition?, previous: PublishedResource?,
                              in collection: CalDAVCollection,
                              with client: any CalDAVServer, ledger: some PublicationLedger) throws -> Bool {
        let shown = collection.shown
        let href = collection.resource(resource.name)
        try ledger.beginPut(resource, href: href)
        let response: CalDAVResponse
        do {
            response = try client.put(resource.text, at: href, condition: condition)
        } catch {
            if case .inDoubt = error {} else { try ledger.restore(previous, uid: resource.uid) }
            throw error
        }
        if (200 ..< 300).contains(response.status) {
            try ledger.confirmPut(resource, href: href, etag: response.etag)
            return true
        }
        try ledger.restore(previous, uid: resource.uid)
        switch response.status {
        case 412 where previous == nil:
            notPublished.append("'\(resource.uid)' is already in '\(shown)', put there by someone else (or recorded in "
                + "another state file); it was left as it is. 'publish --overwrite' replaces it.")
        case 412:
            notPublished.append("'\(resource.uid)' in '\(shown)' was changed on the server since it was published; "
                + "it was left as it is. 'publish --overwrite' replaces it.")
        case 404, 409:
            throw CalDAVError.misconfigured("the CalDAV server answered \(response.status) to a PUT into '\(shown)': "
                + "does the collection exist? Create it in the calendar server, or pass --create")
        default:
            notPublished.append("the CalDAV server refused '\(resource.uid)' in '\(shown)' with \(response.status)")
        }
        return false
    }

    /// One DELETE; whether the resource is gone (a 404 means someone removed it already).
    private mutating func delete(_ resource: PublishedResource, condition: PublishPlanner.Condition?, in collection: CalDAVCollection,
                                 with client: any CalDAVServer, ledger: some PublicationLedger) throws -> Bool {
        let shown = collection.shown
        let status = try client.delete(resource.href, condition: condition).status
        switch status {
        case 200 ..< 300, 404, 410:
            try ledger.restore(nil, uid: resource.uid)
            return true
        case 412:
            notPublished.append("'\(resource.uid)' in '\(shown)' has left the calendar but was changed on the server "
                + "since it was published; it was left as it is. 'publish --overwrite' deletes it.")
        default:
            notPublished.append("the CalDAV server refused to delete '\(resource.uid)' in '\(shown)' with \(status)")
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
