import CalendarTime
import Testing
@testable import RoundTableCore

/// Days and counts as members read them in mail.
@Suite struct HumanDateTests {
    private static func day(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }

    @Test(arguments: [
        ("2026-09-17", "2026-09-10", "Thu 17 Sep"),
        ("2027-01-05", "2026-12-29", "Tue 5 Jan 2027"),
        ("2025-12-31", "2026-01-02", "Wed 31 Dec 2025"),
    ])
    func theYearIsWrittenOnlyWhenItIsNotThisYears(date: String, today: String, expected: String) {
        #expect(HumanDate.day(Self.day(date), from: Self.day(today)) == expected)
    }

    @Test(arguments: [
        ("2026-09-17", "today"), ("2026-09-18", "tomorrow"), ("2026-09-16", "yesterday"),
        ("2026-09-24", "in 7 days"), ("2026-09-14", "3 days ago"), ("2026-09-19", "in 2 days"),
    ])
    func howFarADayIsFromToday(date: String, expected: String) {
        #expect(HumanDate.relative(Self.day(date), from: Self.day("2026-09-17")) == expected)
    }

    @Test func aCountTakesTheNounItsNumberWants() {
        #expect(Plural.count(1, "day") == "1 day")
        #expect(Plural.count(0, "day") == "0 days")
        #expect(Plural.count(3, "reply", "replies") == "3 replies")
        #expect(Plural.noun(1, "key") == "key" && Plural.noun(2, "key") == "keys")
    }
}
