/// What the state remembers of one resource put into a CalDAV collection.
public struct PublishedResource: Hashable, Sendable {
    /// The UID of the component the resource holds.
    public let uid: String
    /// The resource's URL, as it is shown: never with credentials.
    public let href: String
    /// The ETag the server gave for what we put; nil when it gave none (or a first put is in doubt).
    public let etag: String?
    /// The `CalendarResource.fingerprint` of what we put (or tried to, while `inDoubt`).
    public let fingerprint: String
    /// A put was started and its outcome is unknown (the connection broke, the run was killed):
    /// the server may hold what we sent, or what it held before.
    public let inDoubt: Bool

    public init(uid: String, href: String, etag: String?, fingerprint: String, inDoubt: Bool) {
        self.uid = uid
        self.href = href
        self.etag = etag
        self.fingerprint = fingerprint
        self.inDoubt = inDoubt
    }
}

/// A resource of the publish ledger with the collection it was put into: what `dump` writes of
/// `publish --caldav`, so a restored state (or one moved to PostgreSQL) puts only what changed,
/// with If-Match, instead of meeting every resource it put before as a conflict.
public struct Publication: Hashable, Sendable {
    /// The collection's URL as shown: never with credentials.
    public let collection: String
    public let resource: PublishedResource

    public init(collection: String, resource: PublishedResource) {
        self.collection = collection
        self.resource = resource
    }
}
