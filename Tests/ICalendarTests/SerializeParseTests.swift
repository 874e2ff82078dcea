import CalendarTime
import Foundation
import Testing
@testable import ICalendar

@Suite struct SerializeParseTests {
    private func sampleEvent() -> Component {
        var event = Component("VEVENT")
        event.add("UID", .text("rt4.ajc-plg-2012@ajc.example.org"))
        event.add("DTSTAMP", .utcDateTime(LocalDateTime(iso: "2012-11-26T09:00:00")!))
        event.add("DTSTART", .localDateTime(LocalDateTime(iso: "2012-10-26T10:30:00")!), [Parameter("TZID", "Europe/London")])
        event.add("SUMMARY", .text("Balancing operational, commercial; and \\ other\ninterests"))
        event.add("ORGANIZER", .calAddress("mailto:coord@example.org"), [Parameter("CN", "Doe, Jane: Coordinator")])
        event.add("X-ROUNDTABLE-STAGE", .text("hold"))
        var alarm = Component("VALARM")
        alarm.add("ACTION", .text("DISPLAY"))
        alarm.add("TRIGGER", .duration("-P1D"))
        alarm.add("DESCRIPTION", .text("Tomorrow"))
        event.components.append(alarm)
        return event
    }

    @Test func textWithCommasSemicolonsBackslashesAndNewlinesSurvivesARoundTrip() throws {
        var calendar = Component("VCALENDAR")
        calendar.add("VERSION", .text("2.0"))
        calendar.add("PRODID", .text("-//test//EN"))
        calendar.add("X-WR-CALNAME", .text("AJC, pilot; group"))
        calendar.components = [sampleEvent()]
        let text = try calendar.serialized()
        #expect(text.contains("\r\n"))
        #expect(text.contains("X-WR-CALNAME:AJC\\, pilot\\; group\r\n"), "vobject cuts an X value at a bare comma")
        #expect(text.contains("SUMMARY:Balancing operational\\, commercial\\; and \\\\ other\\ninterests"))
        let back = try Component.parse(text)
        let event = try #require(back.components("VEVENT").first)
        #expect(event.property("SUMMARY")?.value == .text("Balancing operational, commercial; and \\ other\ninterests"))
        #expect(event.property("ORGANIZER")?.parameter("CN") == "Doe, Jane: Coordinator")
        #expect(event.property("X-ROUNDTABLE-STAGE")?.value.text == "hold")
        #expect(back.property("X-WR-CALNAME")?.value == .text("AJC, pilot; group"))
        #expect(event.components("VALARM").first?.property("TRIGGER")?.value.text == "-P1D")
    }

    @Test func tzidIsWrittenExactlyAsGivenWithNoVendorPrefix() throws {
        let text = try sampleEvent().serialized()
        #expect(text.contains("DTSTART;TZID=Europe/London:20121026T103000\r\n"))
        #expect(!text.contains("freeassociation"))
    }

    @Test func aLongXValueWithCommasIsEscapedAndFoldedOnCharacterBoundaries() throws {
        var calendar = Component("VCALENDAR")
        let name = String(repeating: "Zoë, Grace; and the group ", count: 6) + "end"
        calendar.add("X-WR-CALNAME", .text(name))
        let text = try calendar.serialized()
        #expect(text.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 75 })
        let back = try Component.parse(text).property("X-WR-CALNAME")?.value.text
        #expect(back == name, "\(text)")
    }

    @Test func aLongLineIsFoldedAt75Octets() throws {
        var event = Component("VEVENT")
        event.add("DESCRIPTION", .text(String(repeating: "Localism ", count: 30)))
        let lines = try event.serialized().components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        #expect(lines.contains { $0.hasPrefix(" ") })
    }

    @Test(arguments: [
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART:notadate\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nthis line has no colon\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    ])
    func malformedInputIsReportedNotSwallowed(text: String) {
        #expect(throws: ICalendarError.self) { try Component.parse(text) }
    }

    /// Found by the fuzzer: libical names an unknown component (here a misspelt END) NULL.
    @Test func aMisspeltComponentNameDoesNotCrash() throws {
        let text = "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nSUMMARY:x\nEND:VEVENT\nBEGIN:VEVENes\nEND:VEVENT\nEND:VCALENDAR\n"
        let calendar = try Component.parse(text)
        #expect(calendar.components("VEVENT").map { $0.property("SUMMARY")?.value } == [.text("x")], "the good event is read")
        #expect(calendar.components.map(\.name) == ["VEVENT", ""], "the misspelt one is kept, nameless, for readers to pass over")
    }

    /// Found by the fuzzer: libical reads minute 99 as a time; it must come back as text, not crash.
    @Test func anImpossibleTimeIsKeptAsText() throws {
        let text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:u\r\nDTSTART:20101010T099999Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        let event = try #require(try Component.parse(text).components("VEVENT").first)
        #expect(event.property("DTSTART")?.instant == nil)
        #expect(event.property("DTSTART")?.value == .text("20101010T099999Z"))
    }

    @Test func emptyInputIsUnreadable() {
        #expect(throws: ICalendarError.self) { try Component.parse("") }
    }
}
