import CalendarTime
import Foundation
import Testing
@testable import ICalendar

@Suite struct TimeZoneComponentTests {
    /// Builds a calendar with the zone's VTIMEZONE and one event per local time, lets libical
    /// resolve each DTSTART against that VTIMEZONE, and compares with the system's zoneinfo.
    private func libicalInstants(zone: String, times: [LocalDateTime]) throws -> [(LocalDateTime, Date?, Int)] {
        let rules = try ZoneRules(identifier: zone)
        var calendar = Component("VCALENDAR")
        calendar.add("VERSION", .text("2.0"))
        calendar.add("PRODID", .text("-//test//EN"))
        calendar.components.append(TimeZoneComponent.make(rules, covering: times.first!.date, through: times.last!.date))
        for (i, t) in times.enumerated() {
            var e = Component("VEVENT")
            e.add("UID", .text("e\(i)"))
            e.add("DTSTAMP", .utcDateTime(t))
            e.add("DTSTART", .localDateTime(t), [Parameter("TZID", zone)])
            calendar.components.append(e)
        }
        let parsed = try Component.parse(try calendar.serialized())
        return zip(times, parsed.components("VEVENT")).map { t, e in
            (t, e.property("DTSTART")?.instant, rules.instant(of: t))
        }
    }

    @Test(arguments: ["Europe/London", "America/New_York", "Australia/Sydney", "Asia/Kolkata",
                      "Europe/Dublin", "America/Sao_Paulo", "Pacific/Auckland", "Asia/Tehran"])
    func everyHourOfTheSeriesYearsConvertsToTheSameUTCAsZoneinfo(zone: String) throws {
        let start = LocalDateTime(iso: "2012-01-01T00:30:00")!
        let times = stride(from: 0, to: 2 * 366 * 24, by: 5).map { start.adding(seconds: $0 * 3600) }
        for (local, viaLibical, viaSystem) in try libicalInstants(zone: zone, times: times) {
            // Times that do not exist or happen twice are refused by `check`: clients disagree on them.
            guard case .unique = try ZoneRules(identifier: zone).resolve(local) else { continue }
            #expect(viaLibical.map { Int($0.timeIntervalSince1970) } == viaSystem, "\(zone) \(local)")
        }
    }

    @Test func londonIn2012ChangesOn25MarchAnd28October() throws {
        let text = try TimeZoneComponent.make(try ZoneRules(identifier: "Europe/London"),
                                              covering: LocalDate(iso: "2012-02-24")!, through: LocalDate(iso: "2013-03-29")!).serialized()
        #expect(text.contains("RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3"))
        #expect(text.contains("RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10"))
        #expect(text.components(separatedBy: "BEGIN:STANDARD").count == 2)
        #expect(text.components(separatedBy: "BEGIN:DAYLIGHT").count == 2)
        #expect(text.contains("TZNAME:BST") && text.contains("TZNAME:GMT"), "both observances named, as tzdata names them")
        let rules = try ZoneRules(identifier: "Europe/London")
        let changes = rules.transitions(from: LocalDate(iso: "2012-01-01")!.daysSinceEpoch * 86_400,
                                        to: LocalDate(iso: "2013-01-01")!.daysSinceEpoch * 86_400)
        #expect(changes.map { LocalDateTime(secondsSinceEpoch: $0.instant).description }
                == ["2012-03-25T01:00:00", "2012-10-28T01:00:00"])
    }

    @Test func aZoneWithoutDaylightSavingHasOneObservance() throws {
        let text = try TimeZoneComponent.make(try ZoneRules(identifier: "Asia/Kolkata"),
                                              covering: LocalDate(iso: "2012-01-01")!, through: LocalDate(iso: "2013-01-01")!).serialized()
        #expect(text.contains("TZOFFSETTO:+0530"))
        #expect(!text.contains("DAYLIGHT"))
    }
}
