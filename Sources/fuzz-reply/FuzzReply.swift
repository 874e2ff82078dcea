import ICalendar
import RoundTableCore
import RoundTableMail

/// The AJC-shaped series replies are matched against.
let schedule = ScheduleLoader.load("""
    series: {id: ajc-plg-2012, title: S, timezone: Europe/London, organiser: a, uid-domain: ajc.example.org}
    members:
      - {id: a, name: A, email: a@example.org}
      - {id: sam, name: Sam, email: sam.patel@charity.example.org}
    sessions:
      - {id: rt4, kind: roundtable, subject: Four, start: 2012-10-26T10:30:00, rapporteur: sam}
    """, file: "fuzz").0!.schedule

/// libFuzzer's entry point: any bytes as a reply file (an email or a bare .ics) must give
/// answers or a clear error, never a crash or a hang. Built only by fuzz/run.sh.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReply(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let text = try? CalendarPartReader.calendarText(in: bytes), let calendar = try? Component.parse(text) else { return 0 }
    _ = try? ReplyReader.replies(in: calendar, schedule: schedule)
    return 0
}
