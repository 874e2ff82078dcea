import RoundTableCore

/// What has been put into one collection for one series, as the state keeps it: the ledger
/// `CalDAVPublisher` reads and writes as each request's outcome comes.
public protocol PublicationLedger {
    /// Every resource recorded as put (or in doubt).
    func published() throws -> [PublishedResource]
    /// Records a put of `resource` at `href` as started: in doubt until it is confirmed or undone.
    func beginPut(_ resource: CalendarResource, href: String) throws
    /// Records a put as taken by the server, under the ETag it answered with.
    func confirmPut(_ resource: CalendarResource, href: String, etag: String?) throws
    /// Puts back what was recorded for `uid` before a request the server did not act on
    /// (`previous`), or forgets `uid` (nil) once its resource is gone.
    func restore(_ previous: PublishedResource?, uid: String) throws
}
