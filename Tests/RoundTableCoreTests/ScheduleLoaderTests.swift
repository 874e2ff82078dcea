import CalendarTime
import Testing
@testable import RoundTableCore

@Suite struct ScheduleLoaderTests {
    @Test func aGoodScheduleLoadsWithLocalTimesKeptAsWritten() throws {
        let (loaded, diagnostics) = ScheduleFixture.load()
        #expect(diagnostics.isEmpty)
        let schedule = try #require(loaded).schedule
        #expect(schedule.session("rt4")?.timing == .fixed(LocalDateTime(iso: "2012-10-26T10:30:00")!))
        #expect(schedule.session("seminar")?.stages == [.plan, .hold])
        #expect(schedule.session("rt4")?.stages == [.plan, .hold, .writeup, .disseminate])
        #expect(schedule.session("rt4")?.duration.text == "PT3H")
    }

    @Test func theGroupIsCalledByItsShortTitleElseItsTitle() throws {
        let plain = try #require(ScheduleFixture.load().0).schedule.series
        #expect(plain.shortTitle == nil && plain.groupName == "Pilot learning group")
        let text = ScheduleFixture.yaml.replacingOccurrences(of: "title: Pilot learning group", with: "title: Pilot learning group\n  short-title: PLG")
        let (loaded, diagnostics) = ScheduleFixture.load(text)
        #expect(diagnostics.isEmpty)
        #expect(try #require(loaded).schedule.series.groupName == "PLG")
    }

    /// Each mistake, the text of its error, and the text the error must point at (its first
    /// occurrence in the broken file gives the expected line and column).
    @Test(arguments: [
        ("timezone: Europe/London", "timezone: Europe/Londres", "Unknown time zone 'Europe/Londres'", "Europe/Londres"),
        ("start: 2012-10-26T10:30:00", "start: 2012-03-25T01:30:00", "does not exist in Europe/London", "2012-03-25T01:30:00"),
        ("start: 2012-10-26T10:30:00", "start: 2012-10-28T01:30:00", "happens twice", "2012-10-28T01:30:00"),
        ("rapporteur: sam\n  - id: rt5", "rapporteur: samm\n  - id: rt5", "Unknown member 'samm' as rapporteur", "samm"),
        ("writeup-within: P14D", "writeup-within: 14 days", "'writeup-within' '14 days' is not an ISO 8601 duration", "14 days"),
        ("writeup-within: P14D", "writeup-within: PT36H", "must be whole days", "PT36H"),
        ("location: Poole", "location: Poole\n    month: 2012-10", "not 'start' and 'month'", "2012-10\n"),
        ("subject: Influences", "subjet: Influences", "Unknown key 'subjet' in A session. Did you mean 'subject'?", "subjet"),
        ("{id: sam, name: Sam Patel,", "{id: coord, name: Sam Patel,", "Duplicate member id 'coord'", "coord, name: Sam"),
        ("requires: [rt4, rt5]", "requires: [rt4, rt6]", "Unknown session 'rt6'", "rt6"),
        ("organiser: coord", "organiser: boss", "Unknown member 'boss' as organiser", "boss"),
        ("name: Sam Patel", "name: \"Sam\\nPatel\"", "contains a line break", "\"Sam"),
        ("name: Sam Patel", "name: \"Sam\\rPatel\"", "contains a line break", "\"Sam"),
        ("location: Poole", "location: Poole\n    reason: the venue flooded", "add 'status: cancelled' or remove it", "the venue"),
        ("title: Pilot learning group", "title: Pilot learning group\n  short-title: \"  \"", "The short-title is empty", "\"  \""),
        ("title: Pilot learning group", "title: Pilot learning group\n  short-title: \"Pilot\\ngroup\"", "The short-title contains a line break", "\"Pilot"),
        ("title: Pilot learning group", "title: Pilot learning group\n  short-title: " + String(repeating: "x", count: 41),
         "is 41 characters long; at most 40 are allowed", "xxxx"),
    ])
    func eachMistakeIsReportedAtItsLineAndColumn(original: String, broken: String, message: String, marker: String) throws {
        let text = ScheduleFixture.yaml.replacingOccurrences(of: original, with: broken)
        #expect(text != ScheduleFixture.yaml, "fixture text not found: \(original)")
        let before = try #require(text.range(of: marker)).lowerBound
        let line = text[..<before].filter { $0 == "\n" }.count + 1
        let column = text[..<before].split(separator: "\n", omittingEmptySubsequences: false).last!.count + 1
        let (loaded, diagnostics) = ScheduleFixture.load(text)
        #expect(loaded == nil)
        let hit = try #require(diagnostics.first { $0.message.contains(message) }, "\(diagnostics)")
        #expect(hit.description.hasPrefix("plan.yaml:\(line):\(column): error: "), "\(hit)")
    }

    @Test func everyErrorIsReportedInOnePass() {
        let text = ScheduleFixture.yaml
            .replacingOccurrences(of: "timezone: Europe/London", with: "timezone: Mars/Olympus")
            .replacingOccurrences(of: "rapporteur: sam\n  - id: rt5", with: "rapporteur: nobody\n  - id: rt5")
            .replacingOccurrences(of: "P21D", with: "three weeks")
        let (_, diagnostics) = ScheduleFixture.load(text)
        #expect(diagnostics.count == 3, "\(diagnostics)")
    }

    @Test func malformedYAMLIsLocated() {
        let (_, diagnostics) = ScheduleFixture.load("series:\n  id: [unclosed\n  title: x\n")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.line != nil)
        #expect(diagnostics.first?.description.contains("Not valid YAML") == true)
    }

    @Test func aTimestampLikeScalarIsReadAsLocalTimeNotUTC() throws {
        // Quoted or not, YAML's timestamp rule must not turn 10:30 in London into 10:30 UTC.
        let text = ScheduleFixture.yaml.replacingOccurrences(of: "start: 2012-10-26T10:30:00", with: "start: \"2012-10-26T10:30\"")
        let schedule = try #require(ScheduleFixture.load(text).0).schedule
        #expect(schedule.session("rt4")?.timing.start?.hour == 10)
    }
}
