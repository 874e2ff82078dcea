import CalendarTime
import Testing
@testable import RoundTableCore

/// Times as people read them, wherever a session's time is shown.
@Suite struct SessionTextTests {
    private func when(_ timing: String, zone: String = "Europe/London", duration: String = "PT3H") throws -> String {
        let text = ScheduleFixture.yaml
            .replacingOccurrences(of: "timezone: Europe/London", with: "timezone: \(zone)")
            .replacingOccurrences(of: "start: 2012-10-26T10:30:00", with: timing + "\n    duration: \(duration)")
        let schedule = try #require(ScheduleFixture.load(text).0, "\(ScheduleFixture.load(text).1)").schedule
        return SessionText.when(try #require(schedule.session("rt4")), zone: schedule.zone)
    }

    @Test(arguments: [
        ("start: 2012-04-20T10:30:00", "Europe/London", "PT3H", "Fri 20 Apr 2012, 10:30–13:30 BST"),
        ("start: 2012-12-06T10:30:00", "Europe/London", "PT3H30M", "Thu 6 Dec 2012, 10:30–14:00 GMT"),
        ("start: 2012-07-04T18:00:00", "America/New_York", "PT2H", "Wed 4 Jul 2012, 18:00–20:00 EDT"),
        ("start: 2012-12-04T18:00:00", "America/New_York", "PT2H", "Tue 4 Dec 2012, 18:00–20:00 EST"),
        ("start: 2012-10-27T23:00:00", "Europe/London", "PT4H", "Sat 27 Oct 2012, 23:00 BST – Sun 28 Oct 2012, 02:00 GMT"),
        ("start: 2012-10-27T10:00:00", "Europe/London", "P1D", "Sat 27 Oct 2012, 10:00 BST – Sun 28 Oct 2012, 10:00 GMT"),
        ("start: 2012-03-24T10:00:00", "Europe/London", "PT24H", "Sat 24 Mar 2012, 10:00 GMT – Sun 25 Mar 2012, 11:00 BST"),
        ("month: 2012-10", "Europe/London", "PT3H", "no fixed date yet: in October 2012"),
        ("window: {from: 2013-01-07, to: 2013-03-29}", "Europe/London", "PT3H", "no fixed date yet: between 7 Jan and 29 Mar 2013"),
        ("window: {from: 2012-12-10, to: 2013-03-29}", "Europe/London", "PT3H", "no fixed date yet: between 10 Dec 2012 and 29 Mar 2013"),
    ])
    func aSessionsTimeReadsWithWeekdayStartEndAndZone(timing: String, zone: String, duration: String, expected: String) throws {
        let shown = try when(timing, zone: zone, duration: duration)
        #expect(shown == expected, "\(shown)")
    }

    @Test func theZonesOwnAbbreviationsAreTzdatas() throws {
        let london = try ZoneRules(identifier: "Europe/London")
        #expect(london.abbreviation(at: 1_340_000_000) == "BST")
        #expect(london.abbreviation(at: 1_355_000_000) == "GMT")
        #expect(try ZoneRules(identifier: "Australia/Sydney").abbreviation(at: 1_355_000_000) == "AEDT")
    }
}
