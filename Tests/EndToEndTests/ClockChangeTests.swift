import CalendarTime
import Foundation
import ICalendar
import Testing
import TestSupport

/// Times around the two changes of the clocks each year, as the export writes them and as
/// calendar readers that follow RFC 5545 (Python's icalendar 7, x-wr-timezone,
/// recurring-ical-events, from PyPI) and libical read them back: every instant the same.
@Suite struct ClockChangeTests {
    /// A zone and its two changes of 2012: the Saturday before each, and the Monday after.
    struct Zone: Sendable, CustomStringConvertible {
        let name: String
        let springSaturday: String, springMonday: String
        let autumnSaturday: String, autumnMonday: String
        /// A time in the hour the clocks skip in spring.
        let skipped: String
        var description: String { name }
    }

    static let zones = [
        Zone(name: "Europe/London", springSaturday: "2012-03-24", springMonday: "2012-03-26",
             autumnSaturday: "2012-10-27", autumnMonday: "2012-10-29", skipped: "01:30"),
        Zone(name: "America/New_York", springSaturday: "2012-03-10", springMonday: "2012-03-12",
             autumnSaturday: "2012-11-03", autumnMonday: "2012-11-05", skipped: "02:30"),
    ]

    /// A small series in `zone` whose sessions are given as (id, start, duration).
    static func plan(zone: String, sessions: [(String, String, String)]) -> String {
        """
        series:
          id: clocks-2012
          title: Clocks
          timezone: \(zone)
          organiser: kim
          uid-domain: clocks.example.org
        members:
          - {id: kim, name: Kim Ahmed, email: kim@clocks.example.org}
          - {id: ann, name: Ann Bell, email: ann@clocks.example.org}
        sessions:

        """ + sessions.map { id, start, duration in
            "  - {id: \(id), kind: meeting, subject: Night shift, location: Depot, start: \(start), duration: \(duration), rapporteur: ann}\n"
        }.joined()
    }

    /// A workspace whose schedule is `text`.
    static func workspace(_ text: String, initialised: Bool = true) throws -> Workspace {
        let folder = try temporaryDirectory()
        let path = folder.appendingPathComponent("clocks.yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return try Workspace(["ROUNDTABLE_SCHEDULE": path], initialised: initialised)
    }

    private static func utc(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }

    /// Sessions that run across each change: by the clock (hours, exact) and by the day (`P1D`,
    /// nominal), and ones on the Monday after at a time the change skips or repeats, whose alarm a day before falls in
    /// the change itself.
    @Test(arguments: zones)
    func everyInstantOfTheExportIsTheSameInLibicalAndInThreeRFCReaders(zone: Zone) throws {
        let ws = try Self.workspace(Self.plan(zone: zone.name, sessions: [
            ("spring-night", "\(zone.springSaturday)T23:30:00", "PT4H"),
            ("spring-day", "\(zone.springSaturday)T10:00:00", "P1D"),
            ("spring-alarm", "\(zone.springMonday)T\(zone.skipped):00", "PT1H"),
            ("autumn-night", "\(zone.autumnSaturday)T23:30:00", "PT4H"),
            ("autumn-day", "\(zone.autumnSaturday)T10:00:00", "P1D"),
            ("autumn-alarm", "\(zone.autumnMonday)T01:30:00", "PT1H"),
        ]))
        let feed = ws.folder.appendingPathComponent("clocks.ics")
        let export = try ws.rt(["export", "-o", feed.path], ["ROUNDTABLE_NOW": "2012-01-02T09:00:00Z"])
        #expect(export.status == 0, "\(export.stderr)")

        // libical's reading, through our parser: DTSTART, DTEND, and the alarm where it is a time.
        let calendar = try Component.parse(try String(contentsOf: feed, encoding: .utf8))
        var libical: [String: [String: String]] = [:]
        for event in calendar.components("VEVENT") {
            guard let uid = event.property("UID")?.value.text, let start = event.property("DTSTART")?.instant else { continue }
            libical[uid] = ["DTSTART": Self.utc(start), "DTEND": try Self.utc(#require(event.property("DTEND")?.instant))]
            if let trigger = event.components("VALARM").first?.property("TRIGGER"), case .utcDateTime(let t) = trigger.value {
                libical[uid]?["ALARM"] = t.utcText
            }
        }
        let uid = { (session: String) in "\(session).clocks-2012@clocks.example.org" }
        #expect(libical.count == 6)

        let python = repositoryRoot.appendingPathComponent(".build-peers/bin/python3").path
        #expect(FileManager.default.isExecutableFile(atPath: python), "run 'make deps' to install the PyPI readers")
        let run = try peer(python, [peerScript("rfc_instants.py"), feed.path])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let versions = try #require(report["versions"] as? [String: String])
        #expect(versions["icalendar"]?.hasPrefix("7.") == true, "\(versions)")
        let readers = try #require(report["readers"] as? [String: [String: [String: Any]]])
        #expect(Set(readers.keys) == ["icalendar", "x-wr-timezone", "recurring-ical-events"])
        for (reader, events) in readers {
            #expect(Set(events.keys) == Set(libical.keys), "\(reader)")
            for (id, times) in libical {
                let theirs = try #require(events[id], "\(reader) \(id)")
                #expect(theirs["DTSTART"] as? String == times["DTSTART"], "\(reader) \(id) DTSTART")
                #expect(theirs["DTEND"] as? String == times["DTEND"], "\(reader) \(id) DTEND")
                let alarms = theirs["ALARM"] as? [String] ?? []
                #expect(alarms.count == 1, "\(reader) \(id): \(alarms)")
                if let alarm = times["ALARM"] { #expect(alarms == [alarm], "\(reader) \(id) alarm") }
            }
            // The alarm a day before each session is the same in every RFC reader.
            #expect(events.mapValues { $0["ALARM"] as? [String] ?? [] } == readers["icalendar"]?.mapValues { $0["ALARM"] as? [String] ?? [] },
                    "\(reader)")
        }

        // Durations: hours are elapsed time, days the same time of day the next day.
        let hours = { (id: String) throws -> Double in
            let formatter = ISO8601DateFormatter()
            let times = try #require(libical[uid(id)])
            let start = try #require(formatter.date(from: times["DTSTART"] ?? ""))
            let end = try #require(formatter.date(from: times["DTEND"] ?? ""))
            return end.timeIntervalSince(start) / 3600
        }
        #expect(try hours("spring-night") == 4)
        #expect(try hours("autumn-night") == 4)
        #expect(try hours("spring-day") == 23)
        #expect(try hours("autumn-day") == 25)
        // A day before 01:30 (02:30) on the Monday is in the change: written as the instant in UTC.
        #expect(libical[uid("autumn-alarm")]?["ALARM"] != nil)
        #expect(libical[uid("spring-alarm")]?["ALARM"] != nil)
        #expect(libical[uid("autumn-night")]?["ALARM"] == nil, "an alarm outside the change stays '-P1D'")
    }

    /// The case: a session that would end in the repeated hour (01:30 on the night the
    /// clocks go back) is refused at its duration, as a start there is; and a whole-day duration
    /// that would end in the skipped hour, at its line too.
    @Test func checkRefusesAnEndInTheRepeatedOrTheSkippedHourAtItsLine() throws {
        let ws = try Self.workspace(Self.plan(zone: "Europe/London", sessions: [
            ("ok", "2012-10-27T23:30:00", "PT4H"),
            ("late", "2012-10-27T23:30:00", "PT3H"),
            ("gap", "2012-03-24T01:30:00", "P1D"),
        ]), initialised: false)
        let run = try ws.rt(["check"])
        #expect(run.status == 65)
        let path = try #require(ws.env["ROUNDTABLE_SCHEDULE"])
        let lines = run.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(lines.count == 2, "\(run.stderr)")
        #expect(lines.first?.hasPrefix("\(path):12:") == true && lines.first?.contains(
            "Session 'late' would end at 2012-10-28T01:30:00, which happens twice in Europe/London (the clocks go back)") == true,
                "\(run.stderr)")
        #expect(lines.last?.hasPrefix("\(path):13:") == true && lines.last?.contains(
            "Session 'gap' would end at 2012-03-25T01:30:00, which does not exist in Europe/London") == true, "\(run.stderr)")
    }

    /// Overlaps are found between instants: across the spring change, 00:00–02:30 (GMT to BST)
    /// runs into a session at 03:00 BST; across the autumn change, 00:00 BST for three hours ends
    /// at 02:00 GMT, before a session at 02:30.
    @Test func overlapWarningsCompareInstantsNotClockFaces() throws {
        let ws = try Self.workspace(Self.plan(zone: "Europe/London", sessions: [
            ("spring-a", "2012-03-25T00:00:00", "PT2H30M"),
            ("spring-b", "2012-03-25T03:00:00", "PT1H"),
            ("autumn-a", "2012-10-28T00:00:00", "PT3H"),
            ("autumn-b", "2012-10-28T02:30:00", "PT1H"),
        ]))
        let run = try ws.rt(["check"])
        #expect(run.status == 0, "\(run.stderr)")
        let warnings = (run.stdout + run.stderr).split(separator: "\n").filter { $0.contains("overlaps") }
        #expect(warnings.count == 1, "\(run.stdout)\(run.stderr)")
        #expect(warnings.first?.contains("Session 'spring-b' overlaps 'spring-a'") == true, "\(warnings)")
    }
}
