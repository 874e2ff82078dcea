import Foundation
import ICalendar
import Testing
import TestSupport

/// The calendars we publish, read by real peers nobody here wrote: libical's own parser,
/// Python's icalendar and vobject (through Peers/check_ics.py) and khal.
@Suite struct InteropTests {
    /// The AJC feeds as of the demo day: the series feed and one per member, with the seeds' records.
    private func exportAJC() throws -> [URL] {
        let workspace = try Workspace()
        let folder = workspace.folder
        #expect(try workspace.seed().status == 0)
        #expect(try workspace.rt(["export", "-o", folder.appendingPathComponent("ajc.ics").path]).status == 0)
        #expect(try workspace.rt(["export", "--dir", folder.appendingPathComponent("feeds").path]).status == 0)
        let feeds = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("feeds").path)
            .map { folder.appendingPathComponent("feeds/\($0)") }
        return [folder.appendingPathComponent("ajc.ics")] + feeds.sorted { $0.path < $1.path }
    }

    @Test func pythonIcalendarAndVobjectReadEveryFeedWithTheSameUTCTimesAsZoneinfo() throws {
        let files = try exportAJC()
        #expect(files.count == 12)
        let run = try peer("/usr/bin/python3", [peerScript("check_ics.py")] + files.map(\.path))
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(report["problems"] as? [String] == [])
        #expect((report["timed_values_checked"] as? Int ?? 0) >= 12, "the six fixed sessions' starts and ends in the series feed")
    }

    @Test func khalPrintsEveryFeedWithoutComplaint() throws {
        for file in try exportAJC() {
            let run = try peer("/bin/bash", [peerScript("check_khal.sh"), file.path])
            #expect(run.status == 0, "\(file.lastPathComponent): \(run.stdout)\(run.stderr)")
        }
    }

    @Test func libicalReadsTheFeedBackWithNoErrorsAndTheRightInstantsOnBothSidesOfEachClockChange() throws {
        let text = try String(contentsOf: try exportAJC()[0], encoding: .utf8)
        let calendar = try Component.parse(text)  // throws on any X-LIC-ERROR
        let starts = Dictionary(uniqueKeysWithValues: calendar.components("VEVENT").compactMap { event -> (String, Date)? in
            guard let uid = event.property("UID")?.value.text, let instant = event.property("DTSTART")?.instant else { return nil }
            return (uid, instant)
        })
        // Winter (GMT): 24 Feb and 6 Dec; summer (BST): 20 Apr, and 26 Oct, two days before the change back.
        let expected = ["inaugural": "2012-02-24T11:00:00Z", "rt1": "2012-04-20T09:30:00Z", "rt4": "2012-10-26T09:30:00Z",
                        "rt5": "2012-12-06T10:30:00Z"]
        for (session, utc) in expected {
            let instant = try #require(starts["\(session).ajc-plg-2012@ajc.example.org"], "\(session)")
            #expect(ISO8601DateFormatter().string(from: instant) == utc, "\(session)")
        }
    }

    @Test func aSeriesTitleWithCommasAndSemicolonsReachesEveryPeerWhole() throws {
        let folder = try temporaryDirectory()
        let schedule = folder.appendingPathComponent("plan.yaml")
        try String(contentsOf: repositoryRoot.appendingPathComponent("schedules/ajc-2012.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "title: \"AJC pilot learning group: provider development\"",
                                  with: "title: \"AJC pilot group, 2012; provider development\"")
            .write(to: schedule, atomically: true, encoding: .utf8)
        let feed = folder.appendingPathComponent("feed.ics")
        let state = ["-s", schedule.path, "--state", folder.appendingPathComponent("s.sqlite").path]
        #expect(try roundtable(["init"] + state).status == 0)
        let export = try roundtable(["export"] + state + ["-o", feed.path])
        #expect(export.status == 0, "\(export.stderr)")
        let check = try peer("/usr/bin/python3", [peerScript("check_ics.py"), feed.path])
        #expect(check.status == 0, "\(check.stdout)")
        let vobject = try peer("/usr/bin/python3", ["-c", "import vobject,sys; print(vobject.readOne(open(sys.argv[1]).read()).contents['x-wr-calname'][0].value)", feed.path])
        #expect(vobject.stdout == "AJC pilot group, 2012; provider development\n")
    }
}
