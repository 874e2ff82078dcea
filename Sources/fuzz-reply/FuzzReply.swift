import CalendarTime
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

/// Sam was sent rt4 at SEQUENCE 1 and it is 26 November 2012, so a reply can pass every rule
/// and the fuzzer reaches the end of the reader.
let rules = ReplyRules(
    schedule: schedule,
    invitations: [InvitationRecord(session: "rt4", attendee: "sam", sequence: 1, fingerprint: "", content: "", cancelled: false)],
    now: LocalDateTime(secondsSinceEpoch: 1_353_920_400))

/// libFuzzer's entry point: any bytes as a reply file (an email or a bare .ics) must give
/// answers or a clear error, never a crash or a hang. Built only by fuzz/run.sh.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReply(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let content = try? CalendarPartReader.read(bytes),
          let (calendar, problems) = try? Component.parseKeepingProblems(content.calendar, limits: .received) else { return 0 }
    _ = try? ReplyReader.replies(in: calendar, problems: problems, from: content.sender, rules: rules)
    return 0
}
