import CalendarTime
import Testing

/// The ISO forms a schedule, a records file and the state hold, and the near misses a person types.
@Suite struct LocalDateParsingTests {
    @Test func theFormsTheSchedulesUseAreRead() {
        #expect(LocalDate(iso: "2012-10-26") == LocalDate(year: 2012, month: 10, day: 26))
        #expect(LocalDateTime(iso: "2012-10-26T10:30:00")?.description == "2012-10-26T10:30:00")
        #expect(LocalDateTime(iso: "2012-10-26T10:30")?.description == "2012-10-26T10:30:00")
        #expect(LocalDateTime(iso: "2012-10-26T23:59:59")?.description == "2012-10-26T23:59:59")
    }

    @Test(arguments: ["2012-1-26", "2012-10-6", "12-10-26", "+012-10-26", "2012-+1-26", "2012-10-26 ", " 2012-10-26",
                      "2012/10/26", "2012-02-30", "2012-13-01", "2012-10-26T10:30", "", "２０１２-10-26"])
    func nearMissesAreNotDates(text: String) {
        #expect(LocalDate(iso: text) == nil)
    }

    @Test(arguments: ["2012-10-26T24:00", "2012-10-26T10:60", "2012-10-26T10:30:60", "2012-10-26T10:30:00Z",
                      "2012-10-26T1:30", "2012-10-26 10:30", "2012-10-26T", "2012-10-26", "2012-02-30T10:00"])
    func nearMissesAreNotDateTimes(text: String) {
        #expect(LocalDateTime(iso: text) == nil)
    }
}
