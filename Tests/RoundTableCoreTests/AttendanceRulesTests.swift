import Testing
@testable import RoundTableCore

/// Who came to a session is recorded as the coordinator says, never guessed from the answers.
@Suite struct AttendanceRulesTests {
    private let schedule = ScheduleFixture.schedule
    private var rt4: Session { schedule.sessions[0] }
    /// Nobody but the organiser has answered: what most seminar invitations look like.
    private var answers: [AttendeeAnswer] { SessionAnswers(Records(series: "plg")).of(rt4, in: schedule) }

    @Test func eachWayOfSayingWhoCameRecordsThoseMembers() throws {
        #expect(try AttendanceRules.attendance(of: rt4, in: schedule, answers: answers, given: .attended(["sam", "coord"]))
                == Attendance(session: "rt4", attended: ["coord", "sam"]))
        #expect(try AttendanceRules.attendance(of: rt4, in: schedule, answers: answers, given: .absent(["sam"]))
                == Attendance(session: "rt4", attended: ["coord"]))
        #expect(try AttendanceRules.attendance(of: rt4, in: schedule, answers: answers, given: .asAnswered)
                == Attendance(session: "rt4", attended: ["coord"]))
    }

    @Test func noOneAtAllIsRefusedRatherThanRecorded() {
        #expect(throws: WorkflowError.nobodyAttended(session: "rt4")) {
            try AttendanceRules.attendance(of: rt4, in: schedule, answers: answers, given: .absent(["coord", "sam"]))
        }
    }

    @Test func attendanceNeedsTheHoldAndIsNotRecordedUntilGiven() throws {
        let held = [Completion(session: "rt4", stage: .plan, on: ScheduleFixture.date("2012-09-20")),
                    Completion(session: "rt4", stage: .hold, on: ScheduleFixture.date("2012-10-26"))]
        #expect(throws: WorkflowError.notHeldYet(session: "rt4")) { try AttendanceRules.checkHeld("rt4", completions: Array(held.prefix(1))) }
        try AttendanceRules.checkHeld("rt4", completions: held)
        #expect(AttendanceRules.notRecorded(schedule, completions: held, attendance: []) == ["rt4"])
        #expect(AttendanceRules.notRecorded(schedule, completions: held, attendance: [Attendance(session: "rt4", attended: ["sam"])]).isEmpty)
    }
}
