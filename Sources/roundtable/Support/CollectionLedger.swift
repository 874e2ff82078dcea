import RoundTableCalDAV
import RoundTableCore
import RoundTableStore

/// The state's publish ledger for one series in one collection, as `CalDAVPublisher` reads and
/// writes it.
struct CollectionLedger: PublicationLedger {
    let store: StateStore
    let series: String
    let collection: CalDAVCollection

    func published() throws -> [PublishedResource] { try store.published(series: series, collection: collection.url) }

    func beginPut(_ resource: CalendarResource, href: String) throws {
        try store.beginPut(resource, href: href, series: series, collection: collection.url)
    }

    func confirmPut(_ resource: CalendarResource, href: String, etag: String?) throws {
        try store.confirmPut(resource, href: href, etag: etag, series: series, collection: collection.url)
    }

    func restore(_ previous: PublishedResource?, uid: String) throws {
        try store.restore(previous, uid: uid, series: series, collection: collection.url)
    }
}
