import CalendarTime
import Testing

/// How wall-clock times in a schedule meet real instants, and which zone names are believed.
@Suite struct ZoneRulesTests {
    @Test(arguments: [("2012-03-25T01:30:00", "gap"), ("2012-10-28T01:30:00", "overlap"), ("2012-10-26T10:30:00", "unique")])
    func wallClockTimesAroundLondonChangesAreClassified(time: String, expected: String) throws {
        let resolution = try ZoneRules(identifier: "Europe/London").resolve(LocalDateTime(iso: time)!)
        switch resolution {
        case .gap: #expect(expected == "gap")
        case .overlap(let a, let b): #expect(expected == "overlap"); #expect(b - a == 3600)
        case .unique: #expect(expected == "unique")
        }
    }

    @Test(arguments: ["Mars/Olympus", "europe/london", "EST5EDT,M3.2.0", ""])
    func unknownZonesAreRefused(name: String) {
        #expect(throws: UnknownTimeZone(name)) { try ZoneRules(identifier: name) }
    }
}
