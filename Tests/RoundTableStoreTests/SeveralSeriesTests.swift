import CalendarTime
import RoundTableCore
import RoundTableStore
import Testing

/// An organisation's records read together (`records(series: [String])`, one statement per table
/// for every series): each series must get back its own records, in the order a read of that
/// series alone gives, and nothing of a series it did not name.
@Suite struct SeveralSeriesTests {
    private static let sentAt = LocalDateTime(iso: "2012-11-08T09:00:00")!

    /// Every kind of record of one series, in the order `records(series:)` gives them: completions
    /// by session then stage order (not name order: plan, hold, writeup), actions by number (A2
    /// before A10), the rest by their keys.
    private static func records(_ series: String, owner: String) -> Records {
        Records(
            series: series,
            completions: [
                Completion(session: "rt1", stage: .plan, on: day("2012-03-16")),
                Completion(session: "rt1", stage: .hold, on: day("2012-04-20")),
                Completion(session: "rt1", stage: .writeup, on: day("2012-04-27")),
                Completion(session: "rt2", stage: .plan, on: day("2012-05-18")),
            ],
            actions: [
                Action(id: "A2", session: "rt1", owner: owner, text: "Notes of \(series)", due: day("2012-05-01"),
                       history: [Action.Change(on: day("2012-04-21"), field: .text, before: "Notes", after: "Notes of \(series)")]),
                Action(id: "A10", session: "rt1", owner: owner, text: "Book a room", due: day("2012-05-10"), done: day("2012-05-02")),
            ],
            attendance: [Attendance(session: "rt1", attended: ["ann", owner])],
            invitations: [
                Sent(InvitationRecord(session: "rt1", attendee: "ann", sequence: 0, fingerprint: "f1", content: "c1", cancelled: false),
                     messageID: "i1@\(series)", at: sentAt),
                Sent(InvitationRecord(session: "rt2", attendee: owner, sequence: 1, fingerprint: "f2", content: "c2", cancelled: true),
                     messageID: "i2@\(series)", at: sentAt),
            ],
            replies: [Reply(session: "rt1", attendee: "ann", answer: .accepted, sequence: 0, stamp: sentAt)],
            ledger: [
                Sent(LedgerEntry(item: "stage:rt1:writeup", recipient: "ann", trigger: day("2012-04-27")), messageID: "r1@\(series)", at: sentAt),
                Sent(LedgerEntry(item: "stage:rt1:writeup", recipient: owner, trigger: day("2012-04-27")), messageID: "r2@\(series)", at: sentAt),
            ],
            published: [Publication(collection: "https://dav.example/\(series)/",
                                    resource: PublishedResource(uid: "rt1@\(series)", href: "rt1.ics", etag: "\"e1\"", fingerprint: "p1", inDoubt: false))])
    }

    /// The same records in the reverse order, so the order read back is the store's, not the insertion order.
    private static func scrambled(_ r: Records) -> Records {
        Records(series: r.series, completions: r.completions.reversed(), actions: r.actions.reversed(),
                attendance: r.attendance.map { Attendance(session: $0.session, attended: $0.attended.reversed()) },
                invitations: r.invitations.reversed(), replies: r.replies.reversed(), ledger: r.ledger.reversed(),
                published: r.published.reversed())
    }

    @Test(arguments: StoreKind.allCases)
    func seriesReadTogetherEachGetTheirOwnRecordsInTheirOrder(kind: StoreKind) throws {
        try kind.withStore { store in
            let north = Self.records("north", owner: "sam"), south = Self.records("south", owner: "tom")
            for records in [south, Self.records("middle", owner: "uma"), north] { try store.importRecords(Self.scrambled(records)) }

            let read = try store.records(series: ["south", "north", "empty"])

            #expect(read == ["north": north, "south": south, "empty": Records(series: "empty")])
            #expect(try store.records(series: "north") == north)
        }
    }

    /// More series than one statement binds (900) are read in several statements; an id named
    /// twice is read once.
    @Test(arguments: StoreKind.allCases)
    func aLongListOfSeriesIsReadWhole(kind: StoreKind) throws {
        try kind.withStore { store in
            let first = Self.records("s0000", owner: "sam"), last = Self.records("s1999", owner: "tom")
            for records in [first, last] { try store.importRecords(records) }
            let ids = ["s1999"] + (0..<2000).map { "s" + String(String(10_000 + $0).dropFirst()) }
            let read = try store.records(series: ids)

            #expect(read.count == 2000)
            #expect(read["s0000"] == first)
            #expect(read["s1999"] == last)
            #expect(read["s0950"] == Records(series: "s0950"))
        }
    }

    @Test(arguments: StoreKind.allCases)
    func withoutTheLedgerEverySeriesLeavesOutItsLedgers(kind: StoreKind) throws {
        try kind.withStore { store in
            let north = Self.records("north", owner: "sam"), south = Self.records("south", owner: "tom")
            for records in [north, south] { try store.importRecords(records) }

            let read = try store.records(series: ["north", "south"], ledger: false)

            for full in [north, south] {
                var expected = full
                expected.ledger = []
                expected.published = []
                #expect(read[full.series] == expected)
            }
            #expect(try store.actions(series: ["south", "north", "empty"]) == ["north": north.actions, "south": south.actions, "empty": []])
        }
    }
}
