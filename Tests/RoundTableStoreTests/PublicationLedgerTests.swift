import CalendarTime
import ICalendar
import RoundTableCore
import RoundTableStore
import Testing

/// The ledger of `publish`: a put recorded as started, then as done or undone.
@Suite struct PublicationLedgerTests {
    private let collection = "http://127.0.0.1:5232/coord/ajc/"

    private func resource(_ uid: String, summary: String) throws -> CalendarResource {
        var event = Component("VEVENT")
        event.add("UID", .text(uid))
        event.add("DTSTAMP", .utcDateTime(LocalDateTime(iso: "2012-11-26T09:00:00")!))
        event.add("DTSTART", .date(day("2012-11-30")))
        event.add("SUMMARY", .text(summary))
        var calendar = Component("VCALENDAR")
        calendar.add("PRODID", .text("-//test//EN"))
        calendar.add("VERSION", .text("2.0"))
        calendar.components = [event]
        return try CalendarResource(uid: uid, calendar: calendar)
    }

    @Test(arguments: StoreKind.allCases)
    func aPutIsInDoubtUntilConfirmedAndAConfirmedOneKeepsItsETag(kind: StoreKind) throws {
        try kind.withStore { store in
            let first = try resource("a@x", summary: "Round table 4")
            let href = collection + first.name
            try store.beginPut(first, href: href, series: "ajc", collection: collection)
            #expect(try store.published(series: "ajc", collection: collection)
                == [PublishedResource(uid: "a@x", href: href, etag: nil, fingerprint: first.fingerprint, inDoubt: true)])
            try store.confirmPut(first, href: href, etag: "\"e1\"", series: "ajc", collection: collection)
            let confirmed = PublishedResource(uid: "a@x", href: href, etag: "\"e1\"", fingerprint: first.fingerprint, inDoubt: false)
            #expect(try store.published(series: "ajc", collection: collection) == [confirmed])

            let second = try resource("a@x", summary: "Round table 4, moved")
            try store.beginPut(second, href: href, series: "ajc", collection: collection)
            #expect(try store.published(series: "ajc", collection: collection)
                == [PublishedResource(uid: "a@x", href: href, etag: "\"e1\"", fingerprint: first.fingerprint, inDoubt: true)])
            try store.restore(confirmed, uid: "a@x", series: "ajc", collection: collection)
            #expect(try store.published(series: "ajc", collection: collection) == [confirmed])
            #expect(try store.published(series: "ajc", collection: "http://elsewhere/").isEmpty)
            #expect(try store.published(series: "other", collection: collection).isEmpty)

            try store.restore(nil, uid: "a@x", series: "ajc", collection: collection)
            #expect(try store.published(series: "ajc", collection: collection).isEmpty)
        }
    }

    @Test func aRefusedFirstPutLeavesNothingBehind() throws {
        let store = try StateStore.inMemory()
        let new = try resource("b@x", summary: "Seminar")
        try store.beginPut(new, href: collection + new.name, series: "ajc", collection: collection)
        try store.restore(nil, uid: "b@x", series: "ajc", collection: collection)
        #expect(try store.published(series: "ajc", collection: collection).isEmpty)
    }
}
