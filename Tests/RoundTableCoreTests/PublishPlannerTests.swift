import CalendarTime
import ICalendar
import Testing
@testable import RoundTableCore

/// What `publish` asks of the server, from the calendar and the ledger.
@Suite struct PublishPlannerTests {
    private func resource(_ uid: String, _ summary: String = "Round table") throws -> CalendarResource {
        var event = Component("VEVENT")
        event.add("UID", .text(uid))
        event.add("DTSTAMP", .utcDateTime(LocalDateTime(iso: "2012-11-26T09:00:00")!))
        event.add("SUMMARY", .text(summary))
        var calendar = Component("VCALENDAR")
        calendar.components = [event]
        return try CalendarResource(uid: uid, calendar: calendar)
    }

    private func published(_ resource: CalendarResource, etag: String? = "\"1\"", inDoubt: Bool = false) -> PublishedResource {
        PublishedResource(uid: resource.uid, href: "http://h/c/" + resource.name, etag: etag, fingerprint: resource.fingerprint, inDoubt: inDoubt)
    }

    @Test func newComponentsAreCreatedOnlyWhereNothingIsYet() throws {
        let a = try resource("a@x")
        let plan = PublishPlanner.plan([a], published: [], overwrite: false)
        #expect(plan.steps == [.create(a, condition: .absent)] && plan.unchanged == 0)
        #expect(PublishPlanner.plan([a], published: [], overwrite: true).steps == [.create(a, condition: nil)])
    }

    @Test func anUnchangedComponentIsNotSentEvenWithANewStamp() throws {
        let a = try resource("a@x")
        var later = Component("VEVENT")
        later.add("UID", .text("a@x"))
        later.add("DTSTAMP", .utcDateTime(LocalDateTime(iso: "2012-11-27T10:00:00")!))
        later.add("SUMMARY", .text("Round table"))
        let restamped = try CalendarResource(uid: "a@x", calendar: Component("VCALENDAR", components: [later]))
        #expect(restamped.text != a.text)
        let plan = PublishPlanner.plan([restamped], published: [published(a)], overwrite: false)
        #expect(plan.steps.isEmpty && plan.unchanged == 1)
    }

    @Test func aChangedComponentIsPutOnlyIfTheServerStillHasWhatWePut() throws {
        let old = try resource("a@x"), new = try resource("a@x", "Round table, moved")
        #expect(PublishPlanner.plan([new], published: [published(old)], overwrite: false).steps == [.update(new, condition: .etag("\"1\""))])
        #expect(PublishPlanner.plan([new], published: [published(old)], overwrite: true).steps == [.update(new, condition: nil)])
        #expect(PublishPlanner.plan([new], published: [published(old, etag: nil)], overwrite: false).steps == [.update(new, condition: nil)])
    }

    @Test func aPutInDoubtIsMadeAgainWithoutACondition() throws {
        let a = try resource("a@x")
        #expect(PublishPlanner.plan([a], published: [published(a, etag: nil, inDoubt: true)], overwrite: false).steps
            == [.update(a, condition: nil)])
        #expect(PublishPlanner.plan([a], published: [published(a, inDoubt: true)], overwrite: false).steps
            == [.update(a, condition: nil)])
    }

    @Test func aServersCopyIsOursHoweverItIsFoldedOrderedOrEnded() throws {
        let a = try resource("a@x", String(repeating: "A long summary ", count: 8))
        #expect(a.text.contains("\r\n "), "folded at 75 octets")
        let unfolded = a.text.replacingOccurrences(of: "\r\n ", with: "")
        var lines = unfolded.split(separator: "\r\n").map(String.init)
        lines.swapAt(1, 2)
        let restamped = lines.joined(separator: "\n").replacingOccurrences(of: "DTSTAMP:20121126T090000Z", with: "DTSTAMP:20121127T100000Z")
        #expect(a.isHeld(in: restamped))
        #expect(!a.isHeld(in: restamped.replacingOccurrences(of: "A long summary", with: "A long summarY")))
        #expect(!a.isHeld(in: restamped.replacingOccurrences(of: "END:VEVENT", with: "LOCATION:Poole\nEND:VEVENT")))
    }

    @Test func aComponentThatLeftTheCalendarIsDeletedAfterThePuts() throws {
        let a = try resource("a@x"), b = try resource("b@x"), c = try resource("c@x")
        let plan = PublishPlanner.plan([c], published: [published(b), published(a)], overwrite: false)
        #expect(plan.steps == [.create(c, condition: .absent), .delete(published(a), condition: .etag("\"1\"")),
                               .delete(published(b), condition: .etag("\"1\""))])
    }

    @Test(arguments: [("rt4.ajc-plg-2012@ajc.example.org", "rt4.ajc-plg-2012@ajc.example.org.ics"),
                      ("a b/c?d#e%f", "a%20b%2Fc%3Fd%23e%25f.ics"), ("Zoë", "Zo%C3%AB.ics")])
    func aResourceIsNamedFromItsUID(uid: String, name: String) {
        #expect(CalendarResource.name(of: uid) == name)
    }
}

/// The feed as CalDAV resources: one component each, with the VTIMEZONE it needs.
@Suite struct FeedResourcesTests {
    @Test func eachComponentIsACalendarOfItsOwnAndOnlySessionsCarryAZone() throws {
        let schedule = ScheduleFixture.schedule
        let builder = FeedBuilder(schedule: schedule, timelines: Timeline.compute(schedule, completions: []),
                                  stamp: LocalDateTime(iso: "2012-11-26T09:00:00")!)
        let feed = try builder.calendar()
        let resources = try builder.resources()
        #expect(resources.map(\.uid) == feed.components.filter { $0.name != "VTIMEZONE" }.map { $0.property("UID")!.value.text })
        #expect(Set(resources.map(\.name)).count == resources.count)
        for resource in resources {
            let calendar = try Component.parse(resource.text)
            let items = calendar.components.filter { $0.name != "VTIMEZONE" }
            #expect(items.count == 1 && items[0].property("UID")?.value.text == resource.uid)
            #expect(calendar.property("METHOD") == nil, "RFC 4791 4.1: no METHOD in a collection")
            let zoned = items[0].property("DTSTART")?.parameter("TZID") != nil
            #expect(calendar.components("VTIMEZONE").count == (zoned ? 1 : 0), "\(resource.uid)")
        }
        #expect(resources.contains { $0.uid == "rt4.plg@example.org" })
    }
}
