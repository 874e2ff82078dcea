import CalendarTime
import Testing
@testable import RoundTableCore

@Suite struct StageRulesTests {
    private let schedule = ScheduleFixture.schedule
    private let d = ScheduleFixture.date
    /// An as-of day after the whole series, for rules that do not depend on it.
    private var later: LocalDate { d("2013-06-01") }

    private func done(_ session: String, _ stages: [(Stage, String)]) -> [Completion] {
        stages.map { Completion(session: session, stage: $0.0, on: d($0.1)) }
    }

    @Test func stagesCompleteInOrder() throws {
        try StageRules.check(Completion(session: "rt4", stage: .plan, on: d("2012-09-20")), in: schedule, existing: [], asOf: later)
        #expect(throws: WorkflowError.outOfOrder(session: "rt4", stage: .writeup, missing: .hold)) {
            try StageRules.check(Completion(session: "rt4", stage: .writeup, on: d("2012-11-01")), in: schedule,
                                 existing: done("rt4", [(.plan, "2012-09-20")]), asOf: later)
        }
    }

    /// A schedule may leave `hold` out of a session's stages; a write-up still cannot be agreed
    /// before the session it writes up.
    @Test func noStageAfterHoldGoesBeforeTheSessionEvenWithoutAHoldStage() throws {
        let yaml = ScheduleFixture.yaml.replacingOccurrences(of: "    rapporteur: sam\n  - id: rt5", with: "    rapporteur: sam\n    stages: [plan, writeup]\n  - id: rt5")
        let schedule = try #require(ScheduleFixture.load(yaml).0, "\(ScheduleFixture.load(yaml).1)").schedule
        #expect(throws: WorkflowError.doneBeforeTheSession(session: "rt4", stage: .writeup, on: d("2012-10-20"), day: d("2012-10-26"))) {
            try StageRules.check(Completion(session: "rt4", stage: .writeup, on: d("2012-10-20")), in: schedule,
                                 existing: done("rt4", [(.plan, "2012-09-20")]), asOf: later)
        }
        try StageRules.check(Completion(session: "rt4", stage: .writeup, on: d("2012-10-26")), in: schedule,
                             existing: done("rt4", [(.plan, "2012-09-20")]), asOf: later)
    }

    @Test func aStageIsRecordedOnce() {
        #expect(throws: WorkflowError.alreadyDone(session: "rt4", stage: .plan, on: d("2012-09-20"))) {
            try StageRules.check(Completion(session: "rt4", stage: .plan, on: d("2012-09-21")), in: schedule,
                                 existing: done("rt4", [(.plan, "2012-09-20")]), asOf: later)
        }
    }

    @Test func aStageCannotBeDoneBeforeThePreviousOne() {
        #expect(throws: WorkflowError.self) {
            try StageRules.check(Completion(session: "rt4", stage: .hold, on: d("2012-09-01")), in: schedule,
                                 existing: done("rt4", [(.plan, "2012-09-20")]), asOf: later)
        }
    }

    @Test func aSessionCannotBeHeldBeforeItsDayNorAnythingRecordedAfterToday() {
        #expect(throws: WorkflowError.heldBeforeItsDay(session: "rt4", on: d("2012-10-25"), day: d("2012-10-26"))) {
            try StageRules.check(Completion(session: "rt4", stage: .hold, on: d("2012-10-25")), in: schedule,
                                 existing: done("rt4", [(.plan, "2012-09-20")]), asOf: later)
        }
        #expect(throws: WorkflowError.inTheFuture(session: "rt4", stage: .hold, on: d("2012-10-27"), asOf: d("2012-10-26"))) {
            try StageRules.check(Completion(session: "rt4", stage: .hold, on: d("2012-10-27")), in: schedule,
                                 existing: done("rt4", [(.plan, "2012-09-20")]), asOf: d("2012-10-26"))
        }
        #expect(WorkflowError.heldBeforeItsDay(session: "rt4", on: d("2012-10-25"), day: d("2012-10-26")).description
                == "Cannot record 'rt4' held on 2012-10-25: it cannot be held before Fri 26 Oct 2012. Record it on or after that day.")
    }

    @Test func planningATentativeSessionNeedsAFixedStart() {
        #expect(throws: WorkflowError.planNeedsFixedStart(session: "seminar")) {
            try StageRules.check(Completion(session: "seminar", stage: .plan, on: d("2012-12-01")), in: schedule, existing: [], asOf: later)
        }
    }

    @Test func theSeminarHasNoWriteupStage() {
        #expect(throws: WorkflowError.noSuchStage(session: "seminar", stage: "writeup", has: [.plan, .hold])) {
            try StageRules.check(Completion(session: "seminar", stage: .writeup, on: d("2013-02-01")), in: schedule, existing: [], asOf: later)
        }
    }

    @Test func anActionIsDueByTheNextSession() throws {
        #expect(try StageRules.defaultActionDue(after: "rt4", in: schedule) == d("2012-12-06"))
        #expect(try StageRules.defaultActionDue(after: "rt5", in: schedule) == d("2013-01-07"))
        #expect(throws: WorkflowError.noNextSession(session: "seminar")) {
            try StageRules.defaultActionDue(after: "seminar", in: schedule)
        }
    }

    @Test func overdueListsLateStagesAndActionsWithTheirOwnersMostLateFirst() {
        let completions = done("rt4", [(.plan, "2012-09-20"), (.hold, "2012-10-26")])
        let actions = [Action(id: "A1", session: "rt4", owner: "coord", text: "Send the venue notes", due: d("2012-11-20")),
                       Action(id: "A2", session: "rt4", owner: "sam", text: "Done already", due: d("2012-11-01"), done: d("2012-11-02"))]
        let timelines = Timeline.compute(schedule, completions: completions)
        let items = Overdue.items(schedule, timelines: timelines, actions: actions, asOf: d("2012-11-26"))
        #expect(items.map { "\($0.session)/\($0.item)/\($0.daysOverdue)/\($0.owners)" } == [
            "rt5/plan/18/[\"coord\"]", "rt4/writeup/17/[\"sam\"]", "rt4/A1/6/[\"coord\"]",
        ])
        #expect(Overdue.items(schedule, timelines: timelines, actions: actions, asOf: d("2012-10-01")).isEmpty)
    }
}
