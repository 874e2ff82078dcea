import RoundTableCore

/// The requests publishing makes of a CalDAV server: the seam between the publish workflow
/// (`CalDAVPublisher`) and the network. `CalDAVClient` speaks HTTP through libcurl; the unit
/// tests use an in-memory server.
///
/// Every server judges answers alike (`CalDAVResponse.judged`): what would stop every request
/// is thrown, the rest returned. A request that went out and whose answer cannot be read throws
/// `.inDoubt`: the server may or may not have acted on it.
public protocol CalDAVServer {
    /// PUT `text` (an iCalendar object) at `url`, if the server meets `condition`.
    func put(_ text: String, at url: String, condition: PublishPlanner.Condition?) throws(CalDAVError) -> CalDAVResponse
    /// DELETE `url`, if the server meets `condition`.
    func delete(_ url: String, condition: PublishPlanner.Condition?) throws(CalDAVError) -> CalDAVResponse
    /// GET `url`: what the server holds there, and its ETag.
    func get(_ url: String) throws(CalDAVError) -> CalDAVResponse
    /// MKCALENDAR `url` with a display name (RFC 4791, 5.3.1).
    func makeCalendar(_ url: String, displayName: String) throws(CalDAVError) -> CalDAVResponse
    /// MKCOL `url`: a plain collection (RFC 4918, 9.3), to hold calendars.
    func makeCollection(_ url: String) throws(CalDAVError) -> CalDAVResponse
}
