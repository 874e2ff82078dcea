import Testing
@testable import RoundTableCore

@Suite struct TimelineTests {
    private let d = ScheduleFixture.date

    private func deadline(_ session: String, _ stage: Stage, _ completions: [Completion] = []) -> StageDeadline? {
        let schedule = ScheduleFixture.schedule
        return Timeline.compute(schedule, completions: completions).first { $0.session.id == session }?.deadline(stage)
    }

    @Test func plannedDeadlinesFollowThePolicy() {
        #expect(deadline("rt4", .plan)?.due == d("2012-09-28"))      // 26 Oct − 28 days
        #expect(deadline("rt4", .hold)?.due == d("2012-10-26"))
        #expect(deadline("rt4", .writeup)?.due == d("2012-11-09"))   // + 14 days
        #expect(deadline("rt4", .disseminate)?.due == d("2012-11-30")) // + 21 days
    }

    @Test func aSessionHeldLatePushesItsWriteupBack() {
        let held = [Completion(session: "rt4", stage: .hold, on: d("2012-11-02"))]
        #expect(deadline("rt4", .writeup, held)?.due == d("2012-11-16"))
        #expect(deadline("rt4", .disseminate, held)?.due == d("2012-12-07"))
    }

    @Test func aWriteupDoneEarlyPullsDisseminationForward() {
        let done = [Completion(session: "rt4", stage: .hold, on: d("2012-10-26")),
                    Completion(session: "rt4", stage: .writeup, on: d("2012-10-30"))]
        #expect(deadline("rt4", .disseminate, done)?.due == d("2012-11-20"))
    }

    @Test func disseminationIsCappedAtTheSeminarPapersDeadline() {
        // rt5: held 6 Dec, write-up 20 Dec, +21 days = 10 Jan 2013, but the papers are due
        // 14 days before the seminar window opens on 7 Jan 2013.
        #expect(deadline("rt5", .disseminate)?.due == d("2012-12-24"))
        #expect(PlanWarnings.find(in: ScheduleFixture.schedule).contains { $0.session == "rt5" && $0.message.contains("2012-12-24") })
    }

    /// One rule for the papers deadline, which the cap, the report's open list and the timeline share.
    @Test func thePapersDeadlineIsTheSeminarsFirstDayLessPapersBeforeSeminar() throws {
        let schedule = ScheduleFixture.schedule
        #expect(Timeline.papersDeadline(in: schedule) == d("2012-12-24"))
        #expect(Timeline.papersDeadline(for: try #require(schedule.session("rt4")), in: schedule) == d("2012-12-24"))
        #expect(Timeline.papersDeadline(for: try #require(schedule.session("seminar")), in: schedule) == nil)
    }

    @Test func aTentativeSessionIsPlannedFromTheFirstDayOfItsWindow() {
        #expect(deadline("seminar", .plan)?.due == d("2012-12-10"))  // 7 Jan − 28 days
        #expect(deadline("seminar", .hold)?.due == d("2013-03-29"))
    }

    @Test func overdueStartsTheDayAfterTheDueDate() throws {
        let writeup = try #require(deadline("rt4", .writeup))
        #expect(writeup.daysOverdue(asOf: d("2012-11-09")) == 0)
        #expect(writeup.daysOverdue(asOf: d("2012-11-10")) == 1)
        #expect(writeup.daysOverdue(asOf: d("2012-11-26")) == 17)
        let done = try #require(deadline("rt4", .writeup, [Completion(session: "rt4", stage: .writeup, on: d("2012-11-20"))]))
        #expect(done.daysOverdue(asOf: d("2012-11-26")) == 0)
    }

    @Test func aCancelledSessionOwesNothing() throws {
        let text = ScheduleFixture.yaml.replacingOccurrences(of: "    location: Luton", with: "    location: Luton\n    status: cancelled")
        let schedule = try #require(ScheduleFixture.load(text).0).schedule
        #expect(Timeline.compute(schedule, completions: []).first { $0.session.id == "rt5" }?.stages.isEmpty == true)
    }

    @Test func twoSessionsAtTheSameTimeAreWarnedAbout() throws {
        let text = ScheduleFixture.yaml.replacingOccurrences(of: "start: 2012-12-06T10:30:00", with: "start: 2012-10-26T12:00:00")
        let schedule = try #require(ScheduleFixture.load(text).0).schedule
        #expect(PlanWarnings.find(in: schedule).contains { $0.message.contains("overlaps 'rt4'") })
    }

    @Test func overlapsAreWarnedAboutInScheduleOrderWhateverTheOrderOfTheirTimes() throws {
        // rt4 at 10:30 is listed first; the seminar (fixed at 09:30) starts before both and overlaps them.
        let text = ScheduleFixture.yaml
            .replacingOccurrences(of: "start: 2012-12-06T10:30:00", with: "start: 2012-10-26T12:00:00")
            .replacingOccurrences(of: "window: {from: 2013-01-07, to: 2013-03-29}", with: "start: 2012-10-26T09:30:00")
        let schedule = try #require(ScheduleFixture.load(text).0).schedule
        #expect(PlanWarnings.find(in: schedule).map(\.message).filter { $0.contains("overlaps") }.map { $0.prefix(while: { $0 != "(" }) } == [
            "Session 'rt5' overlaps 'rt4' ", "Session 'seminar' overlaps 'rt4' ", "Session 'seminar' overlaps 'rt5' ",
        ])
    }

    @Test(arguments: [("P28D", "2012-10-26", "2012-09-28"), ("P1M", "2012-03-31", "2012-02-29"), ("P2W", "2012-01-10", "2011-12-27")])
    func durationsCountCalendarDays(duration: String, from: String, expected: String) {
        #expect(ISODuration(duration)?.before(d(from)) == d(expected))
    }
}
