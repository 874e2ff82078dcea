import CalendarTime
import Testing
@testable import RoundTableCore

@Suite struct ReminderPlannerTests {
    private let schedule = ScheduleFixture.schedule
    private let d = ScheduleFixture.date

    private func plan(asOf: String, completions: [Completion] = [], actions: [Action] = [], attendance: [Attendance] = [],
                      sent: [LedgerEntry] = []) -> [Digest] {
        ReminderPlanner.plan(schedule, timelines: Timeline.compute(schedule, completions: completions),
                             actions: actions, attendance: attendance, sent: sent, asOf: d(asOf))
    }

    private func keys(_ digests: [Digest], for member: String) -> [String] {
        digests.first { $0.recipient.id == member }?.reminders.map { "\($0.item.key)@\($0.trigger)" } ?? []
    }

    /// A hold recorded without attendance: the organiser's next digest asks who came, once.
    @Test func theOrganiserIsAskedOnceForTheAttendanceOfASessionHeldWithoutIt() {
        let held = [Completion(session: "rt4", stage: .plan, on: d("2012-09-20")), Completion(session: "rt4", stage: .hold, on: d("2012-10-26"))]
        let first = plan(asOf: "2012-10-29", completions: held)
        #expect(keys(first, for: "coord").contains("attendance:rt4@2012-10-26"))
        let asked = first.first { $0.recipient.id == "coord" }?.reminders.first { $0.item.kind == .attendance }
        #expect(asked?.reason == "held Fri 26 Oct 2012; attendance not recorded")
        #expect(asked?.item.text.contains("roundtable advance rt4 hold --attended ID,…") == true)
        let sent = first.flatMap { $0.reminders.map(\.ledgerEntry) }
        #expect(!keys(plan(asOf: "2012-11-26", completions: held, sent: sent), for: "coord").contains { $0.hasPrefix("attendance:") })
        #expect(!keys(plan(asOf: "2012-10-29", completions: held, attendance: [Attendance(session: "rt4", attended: ["coord"])]), for: "coord")
            .contains { $0.hasPrefix("attendance:") })
        #expect(!keys(plan(asOf: "2012-10-29"), for: "coord").contains { $0.hasPrefix("attendance:") }, "not held, nothing to ask")
    }

    @Test func aWeekBeforeTheWriteupIsDueTheRapporteurIsReminded() {
        let held = [Completion(session: "rt4", stage: .plan, on: d("2012-09-20")), Completion(session: "rt4", stage: .hold, on: d("2012-10-26"))]
        #expect(keys(plan(asOf: "2012-11-02", completions: held), for: "sam") == ["stage:rt4:writeup@2012-11-02"])
        #expect(plan(asOf: "2012-11-02", completions: held).first { $0.recipient.id == "sam" }?.reminders.first?.reason == "due in 7 days (2012-11-09)")
    }

    @Test func aRunTheSameDayAfterSendingFindsNothingNew() {
        let first = plan(asOf: "2012-11-02")
        let sent = first.flatMap { $0.reminders.map(\.ledgerEntry) }
        #expect(!sent.isEmpty)
        #expect(plan(asOf: "2012-11-02", sent: sent).isEmpty)
    }

    @Test func missedRunsAreMadeUpOnceNotInABurst() {
        // Nothing sent since 1 Nov; the write-up was due 9 Nov. On 26 Nov the triggers 2, 8, 10
        // and 17 and 24 Nov have passed: only the latest (24 Nov, 17 days overdue) goes.
        let digests = plan(asOf: "2012-11-26")
        let writeup = digests.first { $0.recipient.id == "sam" }?.reminders.filter { $0.item.key == "stage:rt4:writeup" }
        #expect(writeup?.map(\.trigger) == [d("2012-11-24")])
        #expect(writeup?.first?.reason == "17 days overdue (was due 2012-11-09)")
    }

    @Test func overdueWorkIsChasedEveryWeek() {
        let sent = [LedgerEntry(item: "stage:rt4:writeup", recipient: "sam", trigger: d("2012-11-10"))]
        #expect(keys(plan(asOf: "2012-11-16", sent: sent), for: "sam").filter { $0.hasPrefix("stage:rt4:writeup") }.isEmpty)
        #expect(keys(plan(asOf: "2012-11-17", sent: sent), for: "sam").contains("stage:rt4:writeup@2012-11-17"))
    }

    @Test func attendeesAreRemindedAWeekAndADayBeforeASessionAndNotAfterIt() {
        #expect(keys(plan(asOf: "2012-10-19"), for: "sam").contains("session:rt4@2012-10-19"))
        #expect(keys(plan(asOf: "2012-10-25"), for: "sam").contains("session:rt4@2012-10-25"))
        #expect(!keys(plan(asOf: "2012-10-27"), for: "sam").contains { $0.hasPrefix("session:rt4") })
    }

    @Test func oneDigestPerPersonHoldsEverythingTheyOwe() {
        let actions = [Action(id: "A1", session: "rt4", owner: "sam", text: "Send notes", due: d("2012-11-09"))]
        let digests = plan(asOf: "2012-11-02", actions: actions)
        #expect(digests.filter { $0.recipient.id == "sam" }.count == 1)
        #expect(Set(keys(digests, for: "sam")) == ["stage:rt4:writeup@2012-11-02", "action:A1@2012-11-02"])
    }

    @Test func doneWorkIsNoLongerRemindedOf() {
        let done = [Completion(session: "rt4", stage: .plan, on: d("2012-09-20")), Completion(session: "rt4", stage: .hold, on: d("2012-10-26")),
                    Completion(session: "rt4", stage: .writeup, on: d("2012-11-01"))]
        #expect(!keys(plan(asOf: "2012-11-02", completions: done), for: "sam").contains { $0.hasPrefix("stage:rt4:writeup") })
    }

    /// A year of daily runs with the work done along the way: nothing is sent twice, and each
    /// person gets exactly the messages the rules promise.
    @Test func aYearOfDailyRunsSendsEachReminderOnce() {
        var sent: [LedgerEntry] = []
        var messages: [String: Int] = [:]
        var day = d("2012-08-01")
        let completions = [Completion(session: "rt4", stage: .plan, on: d("2012-09-25")),
                           Completion(session: "rt4", stage: .hold, on: d("2012-10-26")),
                           Completion(session: "rt4", stage: .writeup, on: d("2012-11-20"))]
        while day <= d("2012-11-30") {
            let known = completions.filter { $0.on <= day }
            let digests = plan(asOf: day.description, completions: known, sent: sent)
            for digest in digests { messages[digest.recipient.id, default: 0] += 1 }
            sent += digests.flatMap { $0.reminders.map(\.ledgerEntry) }
            day = day.adding(days: 1)
        }
        #expect(Set(sent).count == sent.count, "no ledger row twice")
        // Sam: rt4 session (19, 25 Oct), write-up (2, 8, 10, 17 Nov); rt5 session (29 Nov).
        let samRows = sent.filter { $0.recipient == "sam" }.map { "\($0.item)@\($0.trigger)" }
        #expect(samRows == ["session:rt4@2012-10-19", "session:rt4@2012-10-25", "stage:rt4:writeup@2012-11-02",
                            "stage:rt4:writeup@2012-11-08", "stage:rt4:writeup@2012-11-10", "stage:rt4:writeup@2012-11-17",
                            "session:rt5@2012-11-29"])
        #expect(messages["sam"] == 7)
    }
}

/// When the next run has something to send: what `remind` logs for cron.
@Suite struct NextReminderTests {
    private let schedule = ScheduleFixture.schedule
    private let d = ScheduleFixture.date

    private func next(asOf: String, completions: [Completion] = [], actions: [Action] = [], attendance: [Attendance] = [],
                      sent: [LedgerEntry]) -> LocalDate? {
        ReminderPlanner.nextDue(schedule, timelines: Timeline.compute(schedule, completions: completions),
                                actions: actions, attendance: attendance, sent: sent, asOf: d(asOf))
    }

    /// What a run as of `asOf` sends, as the ledger would then hold it.
    private func sentBy(asOf: String, completions: [Completion] = []) -> [LedgerEntry] {
        ReminderPlanner.plan(schedule, timelines: Timeline.compute(schedule, completions: completions), actions: [],
                             attendance: [], sent: [], asOf: d(asOf)).flatMap { $0.reminders.map(\.ledgerEntry) }
    }

    @Test func afterARunTheNextDueIsTheEarliestTriggerStillToCome() throws {
        let sent = sentBy(asOf: "2012-11-26")
        let day = try #require(next(asOf: "2012-11-26", sent: sent))
        #expect(day > d("2012-11-26"))
        // Nothing is sent on the days in between, and something is on that day.
        var between = d("2012-11-27")
        while between < day {
            #expect(ReminderPlanner.plan(schedule, timelines: Timeline.compute(schedule, completions: []), actions: [],
                                         attendance: [], sent: sent, asOf: between).isEmpty, "\(between)")
            between = between.adding(days: 1)
        }
        #expect(!ReminderPlanner.plan(schedule, timelines: Timeline.compute(schedule, completions: []), actions: [],
                                      attendance: [], sent: sent, asOf: day).isEmpty)
    }

    @Test func aReminderDueButNotSentMakesTheNextRunDue() {
        #expect(next(asOf: "2012-11-26", sent: []) == d("2012-11-27"))
    }

    @Test func overdueWorkIsDueAgainAWeekAfterItsLastReminder() {
        let held = [Completion(session: "rt4", stage: .plan, on: d("2012-09-20")), Completion(session: "rt4", stage: .hold, on: d("2012-10-26"))]
        let sent = sentBy(asOf: "2012-11-10", completions: held)
        #expect(sent.contains(LedgerEntry(item: "stage:rt4:writeup", recipient: "sam", trigger: d("2012-11-10"))))
        let day = next(asOf: "2012-11-10", completions: held, sent: sent)
        #expect(day != nil && day! <= d("2012-11-17"))
    }

    @Test func withEverythingDoneThereIsNoNextReminder() {
        let everything = schedule.sessions.flatMap { session in
            session.stages.map { Completion(session: session.id, stage: $0, on: d("2012-01-01")) }
        }
        let attendance = schedule.sessions.map { Attendance(session: $0.id, attended: ["coord"]) }
        #expect(next(asOf: "2013-06-01", completions: everything, attendance: attendance, sent: []) == nil)
        #expect(next(asOf: "2013-06-01", completions: everything, sent: []) == d("2013-06-02"), "who came is still to be asked")
    }
}
