import CalendarTime
import ICalendar
import Testing
@testable import RoundTableCore

/// `export --dir` writes every feed from components written once: each feed must come out byte
/// for byte as writing it on its own does.
@Suite struct FeedTextsTests {
    /// The fixture with a title that needs escaping in X-WR-CALNAME, rt5 only for two, a stage
    /// done, and open and done actions, one owned by a member invited to rt4 but not to rt5.
    private func builder(includeTodos: Bool) throws -> FeedBuilder {
        let text = ScheduleFixture.yaml
            .replacingOccurrences(of: "title: Pilot learning group", with: "title: \"Pilot learning group, 2012; AJC\"")
            .replacingOccurrences(of: "  - {id: sam,", with: "  - {id: kim, name: Kim Lee, email: kim@example.org, sector: private}\n  - {id: sam,")
            .replacingOccurrences(of: "location: Luton", with: "location: Luton\n    attendees: [coord, sam]")
        let schedule = try #require(ScheduleFixture.load(text).0).schedule
        let completions = [Completion(session: "rt4", stage: .plan, on: ScheduleFixture.date("2012-09-20")),
                           Completion(session: "rt4", stage: .hold, on: ScheduleFixture.date("2012-10-26"))]
        var builder = FeedBuilder(schedule: schedule, timelines: Timeline.compute(schedule, completions: completions),
                                  stamp: LocalDateTime(iso: "2012-11-26T09:00:00")!)
        builder.includeTodos = includeTodos
        builder.actions = [
            Action(id: "A1", session: "rt4", owner: "sam", text: "Circulate the notes, with figures; then ask", due: ScheduleFixture.date("2012-11-30")),
            Action(id: "A2", session: "rt4", owner: "kim", text: "Book the room", due: ScheduleFixture.date("2012-11-20")),
            Action(id: "A3", session: "rt4", owner: "coord", text: "Done already", due: ScheduleFixture.date("2012-11-01"),
                   done: ScheduleFixture.date("2012-10-30")),
        ]
        return builder
    }

    @Test(arguments: [true, false])
    func everyFeedIsTheSameAsWrittenOnItsOwn(includeTodos: Bool) throws {
        let builder = try builder(includeTodos: includeTodos)
        let feeds: [Member?] = [nil] + builder.schedule.members
        let texts = try builder.texts(for: feeds)
        #expect(texts.count == feeds.count)
        for (member, text) in zip(feeds, texts) {
            #expect(text == (try builder.calendar(for: member).serialized()), "\(member?.id ?? "series")")
        }
        #expect(texts[0].contains("X-WR-CALNAME:Pilot learning group\\, 2012\\; AJC\r\n"))
        let kim = try #require(zip(feeds, texts).first { $0.0?.id == "kim" }?.1)
        #expect(kim.contains("Book the room") && kim.contains("UID:rt4.plg@example.org") && !kim.contains("UID:rt5.plg@example.org"),
                "kim's feed: her action and the session she is invited to")
    }
}
