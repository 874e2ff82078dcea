import CalendarTime
import Foundation
import ICalendar

/// The calendar work the benchmark times, done through the project's `ICalendar` API.
///
/// `bench/libical_bench.c` and `bench/icalendar_bench.py` build the same events (same UIDs,
/// times, texts and parameters) and read the same three things back, so the checksums of the
/// three programs agree when they did the same work.
enum CalendarWorkload {
    /// A DESCRIPTION holding every character TEXT escaping touches: `,` `;` `\` and newlines.
    static let description = "Agenda: welcome, introductions; then the four areas.\nPapers are in C:\\shared\\papers, as before.\nLunch provided; please reply."

    private static let firstDay = LocalDate(year: 2012, month: 1, day: 1)!

    /// A VCALENDAR (METHOD:REQUEST) with the Europe/London VTIMEZONE and `count` invitations,
    /// written to `sink` one event at a time as each is made, so memory does not grow with `count`.
    static func generate<Sink: TextSink>(events count: Int, into sink: Sink) throws -> Sink {
        let london = try ZoneRules(identifier: "Europe/London")
        var calendar = Component("VCALENDAR")
        calendar.add("VERSION", .text("2.0"))
        calendar.add("PRODID", .text("-//roundtable//bench//EN"))
        calendar.add("METHOD", .text("REQUEST"))
        calendar.components = [TimeZoneComponent.make(london, covering: firstDay, through: firstDay)]
        var writer = try ComponentWriter(opening: calendar, into: sink)
        for index in 0..<count {
            try writer.write(event(index))
        }
        try writer.finish()
        return writer.sink
    }

    /// Event `index`: a day of 2012 (`index` mod 366), between 08:00 and 17:59 local time, two hours long.
    private static func event(_ index: Int) -> Component {
        let day = LocalDate(daysSinceEpoch: firstDay.daysSinceEpoch + index % 366)
        let start = LocalDateTime(date: day, hour: 8 + index % 10, minute: index * 7 % 60)!
        let london = [Parameter("TZID", "Europe/London")]
        var event = Component("VEVENT")
        event.properties.reserveCapacity(14)
        event.add("UID", .text("event-\(index)@bench.example.org"))
        event.add("DTSTAMP", .utcDateTime(LocalDateTime(date: firstDay, hour: 12, minute: 0)!))
        event.add("DTSTART", .localDateTime(start), london)
        event.add("DTEND", .localDateTime(start.adding(seconds: 7200)), london)
        event.add("SUMMARY", .text("Round table \(index): models of partnership working"))
        event.add("LOCATION", .text("Room 4, Civic Offices, Havant"))
        event.add("DESCRIPTION", .text(description))
        event.add("ORGANIZER", .calAddress("mailto:coord@example.org"), [Parameter("CN", "Coordinator")])
        for member in 1...5 {
            event.add("ATTENDEE", .calAddress("mailto:member\(member)@example.org"), [
                Parameter("CN", "Member \(member)"),
                Parameter("ROLE", "REQ-PARTICIPANT"),
                Parameter("PARTSTAT", "NEEDS-ACTION"),
                Parameter("RSVP", "TRUE"),
            ])
        }
        var alarm = Component("VALARM")
        alarm.add("ACTION", .text("DISPLAY"))
        alarm.add("TRIGGER", .duration("-P1D"))
        alarm.add("DESCRIPTION", .text("Round table tomorrow"))
        event.components = [alarm]
        return event
    }

    /// Parses `text` and reads every VEVENT's UID, DTSTART instant and ATTENDEE count.
    ///
    /// Returns a checksum (sum of UID lengths, DTSTART seconds since the epoch and attendee
    /// counts) that the C and Python programs compute the same way.
    static func parse(_ text: String) throws -> Int {
        let calendar = try Component.parse(text)
        var checksum = 0
        for event in calendar.components where event.name == "VEVENT" {
            let uid = event.property("UID")?.value.text ?? ""
            let start = event.property("DTSTART")?.instant ?? Date(timeIntervalSince1970: 0)
            let attendees = event.properties("ATTENDEE").count
            checksum += uid.utf8.count + Int(start.timeIntervalSince1970) + attendees
        }
        return checksum
    }
}
