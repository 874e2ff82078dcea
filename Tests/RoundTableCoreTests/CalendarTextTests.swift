import Testing
@testable import RoundTableCore

@Suite struct CalendarTextTests {
    private let before = "BEGIN:VEVENT\r\nUID:a@x\r\nDTSTAMP:20121126T090000Z\r\nSUMMARY:Round table\r\n DTSTAMP:folded\r\nEND:VEVENT\r\n"

    @Test func calendarsThatDifferOnlyInTheirStampsAreTheSame() {
        let later = before.replacingOccurrences(of: "DTSTAMP:20121126T090000Z", with: "DTSTAMP:20121127T100000Z")
        #expect(CalendarText.sameApartFromStamps(before, later))
    }

    @Test(arguments: ["SUMMARY:Round table 4", " DTSTAMP:other"])
    func anyOtherDifferenceCounts(change: String) {
        let original = change.hasPrefix(" ") ? " DTSTAMP:folded" : "SUMMARY:Round table"
        #expect(!CalendarText.sameApartFromStamps(before, before.replacingOccurrences(of: original, with: change)))
    }
}
