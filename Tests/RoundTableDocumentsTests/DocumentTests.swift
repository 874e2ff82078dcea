import CalendarTime
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import RoundTableCore
import RoundTableDocuments
import Testing

@Suite struct DocumentTests {
    @Test func theRt4SkeletonMatchesItsGoldenFile() throws {
        let schedule = try AJC.schedule()
        var records = try AJC.records(schedule)
        records.replies = [Reply(session: "rt4", attendee: "dan", answer: .accepted, sequence: 0, stamp: LocalDateTime(iso: "2012-09-25T08:00:00")!),
                           Reply(session: "rt4", attendee: "ruth", answer: .declined, sequence: 0, stamp: LocalDateTime(iso: "2012-09-26T08:00:00")!)]
        let text = WriteupSkeleton.render(schedule.session("rt4")!, in: schedule, records: records, templates: try AJC.templates())
        #expect(try AJC.matchesGolden(text, "rt4-writeup.md"), "\(text)")
        #expect(text.contains("### Political and economic issues"))
        #expect(text.contains("- Ruth Evans, Eastern Mentoring Network (fictional) (voluntary): declined"))
        #expect(text.contains("- Circulate the Competitive Dialogue lessons-learned log (Grace Okafor, due Fri 26 Oct 2012; ref A4)"))
        let agreed = try #require(text.components(separatedBy: "## Actions agreed").last?.components(separatedBy: "## Open actions carried forward"))
        #expect(agreed.first?.contains("- Collect examples of payment-by-results contract clauses (Dan Hughes, due Thu 6 Dec 2012; ref A5)") == true,
                "the actions agreed at rt4 are listed as agreed")
        #expect(agreed.last?.contains("A5") == false, "and not carried into rt4")
        #expect(!WriteupFile(text: text).hasLearningPoints, "an untouched skeleton has no learning points")
    }

    @Test func onceHeldTheSkeletonListsWhoCameNotWhoAnsweredWhat() throws {
        let schedule = try AJC.schedule()
        var records = try AJC.records(schedule)
        records.replies = [Reply(session: "rt4", attendee: "ruth", answer: .declined, sequence: 0, stamp: LocalDateTime(iso: "2012-09-26T08:00:00")!)]
        records.attendance = [Attendance(session: "rt4", attended: ["coord", "dan", "sam"])]
        let text = WriteupSkeleton.render(schedule.session("rt4")!, in: schedule, records: records, templates: try AJC.templates())
        let attendance = try #require(text.components(separatedBy: "## Attendance").last?.components(separatedBy: "## Discussion").first)
        #expect(attendance == "\n\n- Alex Morgan, Academy for Justice Commissioning (public)\n"
            + "- Dan Hughes, Southern Rehabilitation Services Ltd (fictional) (private)\n- Sam Patel, Second Chance Trust (fictional) (voluntary)\n\n")
        #expect(!text.contains("declined"))
    }

    @Test func learningPointsAreReadBackByArea() {
        let text = """
        # Round table
        ## Discussion and learning points
        ### Technical issues
        - Shared data standards cut duplicate assessments
        -
        ### Cultural issues
        - 
        * Trust grows from joint training
        ## Actions agreed
        - not a learning point
        """
        let file = WriteupFile(text: text)
        #expect(file.areas.map(\.name) == ["Technical issues", "Cultural issues"])
        #expect(file.areas.map(\.points) == [["Shared data standards cut duplicate assessments"], ["Trust grows from joint training"]])
        #expect(file.hasLearningPoints)
    }

    @Test func theSeriesReportOfTheSeedsMatchesItsGoldenFile() throws {
        let schedule = try AJC.schedule()
        let records = try AJC.records(schedule)
        let writeup = WriteupFile(text: "## Discussion and learning points\n### Technical issues\n- Localism needs local data\n")
        let text = SeriesReport.markdown(schedule, timelines: Timeline.compute(schedule, completions: records.completions),
                                         records: records, writeups: ["rt2": writeup], asOf: AJC.asOf,
                                         templates: try AJC.templates())
        #expect(try AJC.matchesGolden(text, "ajc-report.md"), "\(text)")
        #expect(text.contains("- Localism needs local data"))
        #expect(text.contains("write-up of rt4"))
    }

    @Test(arguments: [7, 40])
    func theTimelineIsWellFormedSVGWithOneRowPerSession(sessions: Int) throws {
        let base = try AJC.schedule()
        let extra = (0..<max(0, sessions - base.sessions.count)).map { i in
            Session(id: "x\(i)", kind: .roundtable, subject: "Extra \(i)", location: "Town \(i)",
                    timing: .fixed(LocalDateTime(iso: "2012-06-01T10:00:00")!.adding(seconds: i * 5 * 86_400)),
                    duration: base.policy.defaultDuration, facilitators: [], rapporteurs: ["sam"], attendees: .all,
                    stages: Session.Kind.roundtable.defaultStages, requires: [], isCancelled: false)
        }
        let schedule = Schedule(series: base.series, policy: base.policy, members: base.members, sessions: base.sessions + extra, zone: base.zone)
        let records = try AJC.records(base)
        let svg = TimelineSVG.render(schedule, timelines: Timeline.compute(schedule, completions: records.completions), asOf: AJC.asOf)
        let counter = ElementCounter()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = counter
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        #expect(counter.sessionLabels == sessions)
        #expect(counter.overdueBars >= 1)
        #expect(counter.height <= 900, "forty rows still fit one screen")
    }
}

/// Counts what a reader of the picture would look for.
final class ElementCounter: NSObject, XMLParserDelegate {
    var sessionLabels = 0, overdueBars = 0, height = 0
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        if name == "svg" { height = Int(attributes["height"] ?? "") ?? 0 }
        if attributes["class"] == "session" { sessionLabels += 1 }
        if attributes["class"] == "overdue" { overdueBars += 1 }
    }
}
