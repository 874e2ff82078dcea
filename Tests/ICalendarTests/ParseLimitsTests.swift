import CalendarTime
import Foundation
import Testing
@testable import ICalendar

/// What is refused before libical sees it, and what libical's problems say was damaged.
@Suite struct ParseLimitsTests {
    private static func nested(_ depth: Int, line: String = "BEGIN:X-C\r\n") -> String {
        "BEGIN:VCALENDAR\r\n" + String(repeating: line, count: depth - 1) + String(repeating: "END:X-C\r\n", count: depth - 1) + "END:VCALENDAR\r\n"
    }

    @Test func sixteenLevelsAreReadAndSeventeenAreRefused() throws {
        #expect(throws: Never.self) { try ParseLimits.standard.check(Self.nested(16)) }
        #expect(throws: ICalendarError.tooDeep(limit: 16)) { try ParseLimits.standard.check(Self.nested(17)) }
    }

    /// libical unfolds lines, takes the name before `:` or `;`, in any case: so does the count.
    @Test(arguments: ["B\r\n EGIN:X-C\r\n", "BEGIN;X-P=1:X-C\r\n", "begin:x-c\r\n", "BEG\r\n\tIN:X-C\r\n", "BEGIN:X-C\n"])
    func aBeginHiddenByAFoldAParameterOrItsCaseStillCounts(line: String) {
        #expect(throws: ICalendarError.tooDeep(limit: 16)) { try ParseLimits.standard.check(Self.nested(17, line: line)) }
    }

    @Test func endsBalanceBegins() {
        let siblings = "BEGIN:VCALENDAR\r\n" + String(repeating: "BEGIN:VEVENT\r\nEND:VEVENT\r\n", count: 1_000) + "END:VCALENDAR\r\n"
        #expect(throws: Never.self) { try ParseLimits.standard.check(siblings) }
    }

    @Test func aPhysicalLineMayBe64KiBAndNoLonger() {
        let limit = ParseLimits.standard.maxLineLength
        let fits = "BEGIN:VCALENDAR\r\nX-A:" + String(repeating: "a", count: limit - 5) + "\r\nEND:VCALENDAR\r\n"
        let over = "BEGIN:VCALENDAR\r\nX-A:" + String(repeating: "a", count: limit - 4) + "\r\nEND:VCALENDAR\r\n"
        #expect(throws: Never.self) { try ParseLimits.standard.check(fits) }
        #expect(throws: ICalendarError.lineTooLong(line: 2, limit: limit)) { try ParseLimits.standard.check(over) }
        let folded = "BEGIN:VCALENDAR\r\nX-A:" + Array(repeating: String(repeating: "a", count: 74), count: 10_000).joined(separator: "\r\n ") + "\r\nEND:VCALENDAR\r\n"
        #expect(throws: Never.self) { try ParseLimits.standard.check(folded) }
    }

    @Test func aReceivedCalendarHoldsAtMost100000LinesAndParameters() {
        let lines = { (count: Int) in "BEGIN:VCALENDAR\r\n" + String(repeating: "X-A:1\r\n", count: count - 2) + "END:VCALENDAR\r\n" }
        #expect(throws: Never.self) { try ParseLimits.received.check(lines(100_000)) }
        #expect(throws: ICalendarError.tooManyItems(limit: 100_000)) { try ParseLimits.received.check(lines(100_001)) }
        #expect(throws: Never.self) { try ParseLimits.standard.check(lines(100_001)) }
        let parameters = "BEGIN:VCALENDAR\r\nX-A" + String(repeating: ";X-P=\"a;b:c\"\r\n ", count: 100_000) + ":v\r\nEND:VCALENDAR\r\n"
        #expect(throws: ICalendarError.tooManyItems(limit: 100_000)) { try ParseLimits.received.check(parameters) }
    }

    @Test func aReceivedCalendarsLocalTimesAreNotResolved() throws {
        let text = """
            BEGIN:VCALENDAR\r\nBEGIN:VTIMEZONE\r\nTZID:Z\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0100\r
            TZOFFSETTO:+0100\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\nBEGIN:VEVENT\r\nUID:u\r\nDTSTAMP:20121110T090000Z\r
            DTSTART;TZID=Z:20121206T103000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n
            """
        let event = { (limits: ParseLimits) in try Component.parseKeepingProblems(text, limits: limits).component.components("VEVENT")[0] }
        #expect(try event(.standard).property("DTSTART")?.instant == Date(timeIntervalSince1970: 1_354_786_200))
        #expect(try event(.received).property("DTSTART")?.instant == nil)
        #expect(try event(.received).property("DTSTAMP")?.value == .utcDateTime(LocalDateTime(iso: "2012-11-10T09:00:00")!))
    }

    // MARK: libical's problems

    @Test(arguments: [
        ("No value for LOCATION property. Removing entire property:", "LOCATION"),
        ("No value for X property. Removing entire property:", "X"),
        ("Can't parse as DATE-TIME value in DTSTAMP property. Removing entire property: garbage", "DTSTAMP"),
        ("Parse error in property name: FUTURE-PROPERTY", "FUTURE-PROPERTY"),
        ("Can't parse parameter name: =x", nil),
        ("Can't parse as DATE-TIME value in DTSTAMP property. Removing entire property: No value for LOCATION property.", "DTSTAMP"),
        ("Got a data line, but could not find a property name or component begin tag: junk", nil),
    ])
    func aProblemNamesThePropertyLibicalsMessageNames(message: String, property: String?) {
        #expect(ParseProblem(component: "VEVENT", message: message).property == property)
    }

    @Test func problemsComeBackWithTheComponentTheyWereIn() throws {
        let text = "BEGIN:VCALENDAR\r\nMETHOD:\r\nBEGIN:VEVENT\r\nUID:u\r\nLOCATION:\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        let (calendar, problems) = try Component.parseKeepingProblems(text)
        #expect(problems.map(\.component) == ["VCALENDAR", "VEVENT"])
        #expect(problems.map(\.property) == ["METHOD", "LOCATION"])
        #expect(calendar.components("VEVENT")[0].property("UID")?.value.text == "u")
        #expect(throws: ICalendarError.problems(problems.map(\.message))) { try Component.parse(text) }
    }
}
