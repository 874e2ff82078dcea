import Testing
@testable import RoundTableCore

/// Actions after they are added: edited with history, done once, dropped, reopened, and due
/// dates that follow the next session.
@Suite struct ActionRulesTests {
    private let schedule = ScheduleFixture.schedule
    private let d = ScheduleFixture.date
    private var notes: Action { Action(id: "A1", session: "rt4", owner: "sam", text: "Notes", due: d("2012-12-06"), followsNextSession: true) }

    @Test func anEditKeepsEachChangeAndAnOwnDateStopsFollowing() throws {
        let edited = try ActionRules.edit(notes, text: "Full notes", owner: "coord", due: d("2012-12-20"), on: d("2012-11-02"), in: schedule)
        #expect(edited.text == "Full notes" && edited.owner == "coord" && edited.due == d("2012-12-20"))
        #expect(!edited.followsNextSession)
        #expect(edited.history == [
            Action.Change(on: d("2012-11-02"), field: .text, before: "Notes", after: "Full notes"),
            Action.Change(on: d("2012-11-02"), field: .due, before: "2012-12-06", after: "2012-12-20"),
            Action.Change(on: d("2012-11-02"), field: .owner, before: "sam", after: "coord"),
        ])
        #expect(throws: WorkflowError.nothingToChange(id: "A1")) {
            try ActionRules.edit(notes, text: "Notes", owner: nil, due: nil, on: d("2012-11-02"), in: schedule)
        }
        #expect(throws: WorkflowError.unknownMember("nobody", known: ["coord", "sam"])) {
            try ActionRules.edit(notes, text: nil, owner: "nobody", due: nil, on: d("2012-11-02"), in: schedule)
        }
    }

    /// rt4 is on 26 Oct 2012. A date before the session, or before the day it is recorded, is
    /// refused with the first later date on the same day of the month.
    @Test(arguments: [
        ("2012-10-20", "2012-10-26", "2012-11-20"), // the month slipped
        ("2011-11-02", "2012-10-26", "2012-11-02"), // the year slipped
        ("2012-10-31", "2012-11-05", "2012-12-31"), // before the as-of day, and November has no 31st
        ("2012-11-01", "2012-11-05", "2012-12-01"),
    ])
    func aDueDateBeforeTheSessionOrTheDayIsRefusedWithWhatWasMeant(due: String, asOf: String, meant: String) throws {
        #expect(throws: WorkflowError.implausibleDue(due: d(due), session: "rt4", sessionDay: d("2012-10-26"), asOf: d(asOf), suggestion: d(meant))) {
            try ActionRules.checkDue(d(due), from: "rt4", asOf: d(asOf), in: schedule)
        }
    }

    @Test func aDueDateOnOrAfterBothIsAccepted() throws {
        try ActionRules.checkDue(d("2012-10-26"), from: "rt4", asOf: d("2012-10-26"), in: schedule)
        try ActionRules.checkDue(d("2012-11-05"), from: "rt4", asOf: d("2012-11-05"), in: schedule)
        #expect(throws: WorkflowError.unknownSession("rt9", known: ["rt4", "rt5", "seminar"])) {
            try ActionRules.checkDue(d("2012-11-05"), from: "rt9", asOf: d("2012-11-05"), in: schedule)
        }
    }

    @Test func theRefusalNamesTheSessionsDayAndTheReading() {
        let error = WorkflowError.implausibleDue(due: d("2012-10-20"), session: "rt4", sessionDay: d("2012-10-26"), asOf: d("2012-10-26"),
                                                 suggestion: d("2012-11-20"))
        #expect(error.description == "The due date Sat 20 Oct 2012 is before the session it comes from, 'rt4' (Fri 26 Oct 2012), "
            + "so the action would be overdue at once. Did you mean Tue 20 Nov 2012 (--due 2012-11-20)? Pass --force to keep 2012-10-20.")
    }

    @Test func doneOnceDroppedOnceAndReopenedUndoesEither() throws {
        let done = try ActionRules.done(notes, on: d("2012-11-10"))
        #expect(throws: WorkflowError.actionAlreadyDone(id: "A1", on: d("2012-11-10"))) { try ActionRules.done(done, on: d("2012-11-12")) }
        #expect(throws: WorkflowError.actionAlreadyDone(id: "A1", on: d("2012-11-10"))) { try ActionRules.drop(done, on: d("2012-11-12"), reason: nil) }
        let dropped = try ActionRules.drop(notes, on: d("2012-11-11"), reason: "overtaken")
        #expect(!dropped.isOpen && dropped.dropped == Action.Dropped(on: d("2012-11-11"), reason: "overtaken"))
        #expect(throws: WorkflowError.actionDropped(id: "A1", on: d("2012-11-11"))) {
            try ActionRules.edit(dropped, text: "x", owner: nil, due: nil, on: d("2012-11-12"), in: schedule)
        }
        #expect(try ActionRules.reopen(dropped) == notes)
        #expect(try ActionRules.reopen(done) == notes)
        #expect(throws: WorkflowError.actionAlreadyOpen(id: "A1")) { try ActionRules.reopen(notes) }
    }

    @Test func aDueByTheNextSessionFollowsItWhenItMovesOrIsCancelled() throws {
        let fixed = Action(id: "A2", session: "rt4", owner: "sam", text: "Own date", due: d("2012-12-06"))
        let moved = try #require(ScheduleFixture.load(ScheduleFixture.yaml.replacingOccurrences(
            of: "start: 2012-12-06T10:30:00", with: "start: 2012-12-13T10:30:00")).0).schedule
        let cancelled = try #require(ScheduleFixture.load(ScheduleFixture.yaml.replacingOccurrences(
            of: "start: 2012-12-06T10:30:00", with: "start: 2012-12-06T10:30:00\n    status: cancelled")).0).schedule
        let records = Records(series: "plg", actions: [notes, fixed])
        #expect(ActionRules.resolvingDues(records, in: moved).actions.map(\.due) == [d("2012-12-13"), d("2012-12-06")])
        #expect(ActionRules.resolvingDues(records, in: cancelled).actions.map(\.due) == [d("2013-01-07"), d("2012-12-06")],
                "the seminar's window opens next")
    }
}
