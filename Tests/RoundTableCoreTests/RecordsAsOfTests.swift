import CalendarTime
import Testing
@testable import RoundTableCore

/// The records as they stood at the end of a day: what the views show with `--as-of`.
@Suite struct RecordsAsOfTests {
    private let day = ScheduleFixture.date
    private let schedule = ScheduleFixture.schedule

    private var records: Records {
        Records(series: schedule.series.id,
                completions: [Completion(session: "rt4", stage: .plan, on: day("2012-09-24")),
                              Completion(session: "rt4", stage: .hold, on: day("2012-10-26"))],
                actions: [
                    Action(id: "A1", session: "rt4", owner: "sam", text: "Collect clauses, all of them", due: day("2012-12-20"),
                           done: day("2012-11-30"),
                           history: [Action.Change(on: day("2012-11-20"), field: .text, before: "Collect clauses", after: "Collect clauses, all of them"),
                                     Action.Change(on: day("2012-11-21"), field: .due, before: "2012-12-06", after: "2012-12-20")],
                           recorded: LocalDateTime(iso: "2012-10-26T15:00:00")),
                    Action(id: "A2", session: "rt4", owner: "sam", text: "Late idea", due: day("2012-12-06"),
                           recorded: LocalDateTime(iso: "2012-11-27T10:00:00")),
                    Action(id: "A3", session: "rt5", owner: "coord", text: "From before instants were kept", due: day("2013-01-10")),
                ],
                attendance: [Attendance(session: "rt4", attended: ["coord", "sam"])],
                replies: [Reply(session: "rt5", attendee: "sam", answer: .accepted, sequence: 0, stamp: LocalDateTime(iso: "2012-11-10T09:00:00")!)])
    }

    @Test func aSessionHeldLaterIsNotYetHeldAndItsAttendanceNotYetKnown() {
        let view = records.asOf(day("2012-10-25"), in: schedule)
        #expect(view.completions.map(\.stage) == [.plan])
        #expect(view.attendance.isEmpty)
        #expect(records.asOf(day("2012-10-26"), in: schedule).attendance.count == 1)
    }

    @Test func actionsAppearWhenAddedAndShowTheirEditsDoneAndDueAsTheyStood() throws {
        let before = records.asOf(day("2012-11-19"), in: schedule)
        #expect(before.actions.map(\.id) == ["A1"], "A2 added on the 27th; A3 (no instant) counts from rt5's day")
        let a1 = try #require(before.actions.first)
        #expect(a1.text == "Collect clauses" && a1.due == day("2012-12-06") && a1.done == nil && a1.history.isEmpty)
        let later = records.asOf(day("2012-12-06"), in: schedule)
        #expect(later.actions.map(\.id) == ["A1", "A2", "A3"])
        #expect(later.actions[0] == records.actions[0])
        #expect(records.asOf(day("2012-11-09"), in: schedule).replies.isEmpty)
        #expect(records.asOf(day("2012-11-10"), in: schedule).replies.count == 1)
    }
}
