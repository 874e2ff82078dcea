import ICalendar
import RoundTableCalDAV
import RoundTableCore
import Testing

/// The workflow of `publish --caldav` against a CalDAV server in memory: what it sends, what
/// it records, and what it tells the coordinator, for each way a server answers. The same
/// workflow meets Radicale, Xandikos and SabreDAV in the end-to-end tests.
@Suite struct CalDAVPublisherTests {
    private let collection = try! CalDAVCollection("http://localhost:5232/coord/ajc/")
    private let server = InMemoryCalDAVServer(shown: "http://localhost:5232/coord/ajc/")
    private let ledger = InMemoryLedger()

    private func resource(_ uid: String, _ summary: String) throws -> CalendarResource {
        var event = Component("VEVENT")
        event.add("UID", .text(uid))
        event.add("SUMMARY", .text(summary))
        var calendar = Component("VCALENDAR")
        calendar.add("VERSION", .text("2.0"))
        calendar.components = [event]
        return try CalendarResource(uid: uid, calendar: calendar)
    }

    private func url(_ uid: String) -> String { collection.resource(CalendarResource.name(of: uid)) }

    /// One run: what it reported, line by line, and what it threw.
    private func publish(_ resources: [CalendarResource], overwrite: Bool = false) -> (lines: [String], error: (any Error)?) {
        var lines: [String] = []
        var publisher = CalDAVPublisher(client: server, create: false, overwrite: overwrite) { lines.append($0) }
        do {
            try publisher.publish(resources, to: collection, title: "AJC", ledger: ledger)
            try publisher.finish()
            return (lines, nil)
        } catch {
            return (lines, error)
        }
    }

    @Test func newResourcesAreCreatedOnlyWhereNothingIsAndTheirETagsRecorded() throws {
        let run = publish([try resource("rt1", "Round table 1"), try resource("rt2", "Round table 2")])
        #expect(run.error == nil)
        #expect(server.requests == ["PUT \(url("rt1"))", "PUT \(url("rt2"))"])
        #expect(run.lines == ["created rt1", "created rt2", "\(collection.shown): 2 created, 0 updated, 0 deleted, 0 unchanged"])
        #expect(try ledger.published().map(\.etag) == ["\"1\"", "\"2\""])
        #expect(try ledger.published().allSatisfy { !$0.inDoubt })
    }

    @Test func anUnchangedCalendarSendsNothing() throws {
        let resources = [try resource("rt1", "Round table 1"), try resource("rt2", "Round table 2")]
        #expect(publish(resources).error == nil)
        let sent = server.requests.count
        let again = publish(resources)
        #expect(again.error == nil)
        #expect(server.requests.count == sent)
        #expect(again.lines == ["\(collection.shown): 0 created, 0 updated, 0 deleted, 2 unchanged"])
    }

    @Test func aResourceChangedOnTheServerIsLeftAndReported() throws {
        #expect(publish([try resource("rt1", "Round table 1"), try resource("rt2", "Round table 2")]).error == nil)
        server.edit(url("rt1"), text: "edited by hand")
        let run = publish([try resource("rt1", "Round table 1, moved"), try resource("rt2", "Round table 2, moved")])
        guard case .notPublished(let lines)? = run.error as? CalDAVError else {
            Issue.record("expected notPublished, got \(String(describing: run.error))")
            return
        }
        #expect(lines == ["'rt1' in '\(collection.shown)' was changed on the server since it was published; it was left as it is. "
            + "'publish --overwrite' replaces it."])
        #expect(server.resources[url("rt1")]?.text == "edited by hand")
        #expect(run.lines.last == "\(collection.shown): 0 created, 1 updated, 0 deleted, 0 unchanged")
        #expect(try ledger.published().first { $0.uid == "rt1" }?.etag == "\"1\"")

        let overwritten = publish([try resource("rt1", "Round table 1, moved")], overwrite: true)
        #expect(overwritten.error == nil)
        #expect(server.resources[url("rt1")]?.text.contains("moved") == true)
    }

    @Test func someoneElsesResourceUnderTheSameNameIsNotReplaced() throws {
        server.edit(url("rt1"), text: "someone else's")
        let run = publish([try resource("rt1", "Round table 1")])
        #expect((run.error as? CalDAVError)?.description.contains("is already in '\(collection.shown)', put there by someone else") == true)
        #expect(server.resources[url("rt1")]?.text == "someone else's")
        #expect(try ledger.published().isEmpty)
    }

    @Test(arguments: [(429, "120", "answered 429 (too many requests) to PUT and asks to wait 120 seconds (Retry-After: 120)"),
                      (503, "Wed, 21 Oct 2026 07:28:00 GMT", "answered 503 (unavailable) to PUT and asks to wait until Wed, 21 Oct 2026 07:28:00 GMT")])
    func aServerAskingToWaitStopsTheRunAtOnce(status: Int, retryAfter: String, said: String) throws {
        server.faults["PUT"] = .status(status, retryAfter: retryAfter)
        let run = publish([try resource("rt1", "Round table 1"), try resource("rt2", "Round table 2")])
        guard case .temporary(let why)? = run.error as? CalDAVError else {
            Issue.record("expected temporary, got \(String(describing: run.error))")
            return
        }
        #expect(why.contains(said), "\(why)")
        #expect(server.requests == ["PUT \(url("rt1"))"])
        #expect(try ledger.published().isEmpty)
    }

    @Test func aPutWhoseAnswerIsGarbledIsInDoubtAndSettledByTheNextRun() throws {
        let resources = [try resource("rt1", "Round table 1"), try resource("rt2", "Round table 2")]
        server.faults["PUT"] = .garbledAnswer
        let first = publish(resources)
        guard case .inDoubt? = first.error as? CalDAVError else {
            Issue.record("expected inDoubt, got \(String(describing: first.error))")
            return
        }
        #expect(try ledger.published().map(\.inDoubt) == [true])

        let sent = server.requests.count
        let next = publish(resources)
        #expect(next.error == nil)
        // The server holds our copy: recorded as done from what GET shows, not put again.
        #expect(Array(server.requests.dropFirst(sent)) == ["GET \(url("rt1"))", "PUT \(url("rt2"))"])
        #expect(next.lines.last == "\(collection.shown): 1 created, 0 updated, 0 deleted, 1 unchanged")
        #expect(try ledger.published().map(\.etag) == [server.resources[url("rt1")]?.etag, server.resources[url("rt2")]?.etag])
        #expect(try ledger.published().allSatisfy { !$0.inDoubt })
    }

    @Test func aPutTheServerFailedIsInDoubtAndPutAgainByTheNextRun() throws {
        let resources = [try resource("rt1", "Round table 1")]
        server.faults["PUT"] = .status(500, retryAfter: nil)
        guard case .inDoubt? = publish(resources).error as? CalDAVError else {
            Issue.record("expected inDoubt")
            return
        }
        let sent = server.requests.count
        #expect(publish(resources).error == nil)
        // Nothing there: the put is made again, still only where nothing is.
        #expect(Array(server.requests.dropFirst(sent)) == ["GET \(url("rt1"))", "PUT \(url("rt1"))"])
        #expect(server.resources[url("rt1")] != nil)
        #expect(try ledger.published().map(\.inDoubt) == [false])
    }
}
