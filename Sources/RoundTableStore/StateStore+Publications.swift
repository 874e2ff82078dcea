import RoundTableCore

/// The ledger of `publish`: what each CalDAV collection was last given, by UID.
///
/// A put is recorded in two steps around the request, each one transaction: `beginPut` before
/// (the resource is then in doubt), `confirmPut` once the server answered with success, or
/// `restore` once it refused. A run that dies in between leaves the resource in doubt, never
/// recorded as done, and the next run puts it again.
extension StateStore {
    /// Every resource of the series published into `collection` (a URL as shown, without credentials).
    public func published(series: String, collection: String) throws(StoreError) -> [PublishedResource] {
        try read { db in
            try db.fetchAll(sql: """
                SELECT \(Rows.publishedColumns) FROM published_resources WHERE series = ? AND collection = ? ORDER BY uid
                """, arguments: [series, collection]).map(Rows.publishedResource)
        }
    }

    /// Every resource of each series, in every collection, for `dump`.
    static func published(_ db: any SQLConnection, series: [String]) throws -> [String: [Publication]] {
        try SeriesRows.read(db, "collection, \(Rows.publishedColumns)", from: "published_resources", series: series, orderBy: "collection, uid") {
            try Rows.publication($1)
        }
    }

    /// Adds one resource as `import` reads it; one already kept is a `DuplicateKey`.
    static func insert(_ publication: Publication, series: String, _ db: any SQLConnection) throws {
        let r = publication.resource
        try db.execute(sql: SQLInsert.statement(into: "published_resources",
                                                columns: ["series", "collection", "uid", "href", "etag", "fingerprint", "in_doubt"],
                                                onConflict: .fail),
                       arguments: [series, publication.collection, r.uid, r.href, r.etag, r.fingerprint, r.inDoubt])
    }

    /// Marks a put as started: the resource is in doubt until `confirmPut` or `restore`. A new
    /// one is recorded with no ETag; a known one keeps its ETag and fingerprint meanwhile.
    public func beginPut(_ resource: CalendarResource, href: String, series: String, collection: String) throws(StoreError) {
        try write { db in
            try db.execute(sql: """
                INSERT INTO published_resources (series, collection, uid, href, etag, fingerprint, in_doubt)
                VALUES (?, ?, ?, ?, NULL, ?, 1)
                ON CONFLICT (series, collection, uid) DO UPDATE SET in_doubt = 1
                """, arguments: [series, collection, resource.uid, href, resource.fingerprint])
        }
    }

    /// Records what the server now holds: this resource, under `etag` (nil when it gave none).
    public func confirmPut(_ resource: CalendarResource, href: String, etag: String?, series: String, collection: String) throws(StoreError) {
        try write { db in
            try db.execute(sql: Self.replacingPublished, arguments: [series, collection, resource.uid, href, etag, resource.fingerprint, false])
        }
    }

    /// Writes a resource's row over the one kept for its UID.
    private static let replacingPublished = SQLInsert.statement(
        into: "published_resources", columns: ["series", "collection", "uid", "href", "etag", "fingerprint", "in_doubt"],
        onConflict: .replace(key: ["series", "collection", "uid"]))

    /// Puts back what was recorded before a put the server refused (nil: nothing, for a new one),
    /// since the server still holds what it held; or, with nil, forgets a resource it no longer holds.
    public func restore(_ previous: PublishedResource?, uid: String, series: String, collection: String) throws(StoreError) {
        try write { db in
            if let previous {
                try db.execute(sql: Self.replacingPublished, arguments: [series, collection, previous.uid, previous.href, previous.etag,
                                                                         previous.fingerprint, previous.inDoubt])
            } else {
                try db.execute(sql: "DELETE FROM published_resources WHERE series = ? AND collection = ? AND uid = ?",
                               arguments: [series, collection, uid])
            }
        }
    }
}
