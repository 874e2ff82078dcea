import Testing
@testable import RoundTableCore

/// Members who join and leave: who belongs on a session, and what `check` says of a plan that
/// names someone outside her membership.
@Suite struct MembershipTests {
    private let d = ScheduleFixture.date

    /// The fixture with Ruth, who joins in November 2012, and Jo, who leaves then.
    private func schedule(_ edit: (String) -> String = { $0 }) -> (LoadedSchedule?, [Diagnostic]) {
        ScheduleFixture.load(edit(ScheduleFixture.yaml.replacingOccurrences(
            of: "  - {id: sam, name: Sam Patel, email: sam@example.org, sector: voluntary}\n",
            with: """
              - {id: sam, name: Sam Patel, email: sam@example.org, sector: voluntary}
              - {id: ruth, name: Ruth Evans, email: ruth@example.org, joined: 2012-11-01}
              - {id: jo, name: Jo Reid, email: jo@example.org, left: 2012-11-01}

            """)))
    }

    @Test func allMeansTheMembersBelongingOnTheSessionsDay() throws {
        let s = try #require(schedule().0).schedule
        #expect(s.attendees(of: try #require(s.session("rt4"))).map(\.id) == ["coord", "sam", "jo"], "26 Oct: Jo still, Ruth not yet")
        #expect(s.attendees(of: try #require(s.session("rt5"))).map(\.id) == ["coord", "sam", "ruth"], "6 Dec: Ruth, Jo gone")
        #expect(s.attendees(of: try #require(s.session("seminar"))).map(\.id) == ["coord", "sam", "ruth"], "a window: its first day")
    }

    @Test func aMemberBelongsFromJoinedUpToTheDayBeforeLeft() {
        let jo = Member(id: "jo", name: "Jo", email: "jo@example.org", joined: d("2012-03-01"), left: d("2012-11-01"))
        #expect(!jo.belongs(on: d("2012-02-29")))
        #expect(jo.belongs(on: d("2012-03-01")))
        #expect(jo.belongs(on: d("2012-10-31")))
        #expect(!jo.belongs(on: d("2012-11-01")))
    }

    @Test func aDepartedMemberNamedOnALaterSessionIsALocatedError() throws {
        let (loaded, diagnostics) = schedule { $0.replacingOccurrences(of: "location: Luton\n    start: 2012-12-06T10:30:00\n    rapporteur: sam",
                                                                      with: "location: Luton\n    start: 2012-12-06T10:30:00\n    rapporteur: jo") }
        #expect(loaded == nil)
        #expect(diagnostics.map(\.description) == [
            "plan.yaml:31:17: error: Member 'jo' is rapporteur of session 'rt5' on 2012-12-06, when she is not a member (left 2012-11-01). "
                + "Name someone else, or change 'joined'/'left'.",
        ])
    }

    @Test func leavingBeforeJoiningIsRefused() {
        let (_, diagnostics) = schedule { $0.replacingOccurrences(of: "joined: 2012-11-01", with: "joined: 2012-11-01, left: 2012-10-01") }
        #expect(diagnostics.map(\.message) == ["Member 'ruth' left (2012-10-01) on or before the day she joined (2012-11-01)."])
    }

    @Test func anOpenActionOfSomeoneGoneByItsDueDateIsWarnedAboutNamingActionEdit() throws {
        let s = try #require(schedule().0).schedule
        let actions = [Action(id: "A1", session: "rt4", owner: "jo", text: "Notes", due: d("2012-12-06")),
                       Action(id: "A2", session: "rt4", owner: "jo", text: "Earlier", due: d("2012-10-30")),
                       Action(id: "A3", session: "rt4", owner: "jo", text: "Done", due: d("2012-12-06"), done: d("2012-10-30"))]
        let warnings = PlanWarnings.departedOwners(in: s, actions: actions)
        #expect(warnings.map(\.member) == ["jo"])
        #expect(warnings.first?.message.contains("roundtable action edit A1 --owner ID") == true)
    }

    @Test func reminderDigestsGoOnlyToThoseWhoStillBelong() throws {
        let s = try #require(schedule().0).schedule
        let actions = [Action(id: "A1", session: "rt4", owner: "jo", text: "Notes", due: d("2012-11-20"))]
        let digests = ReminderPlanner.plan(s, timelines: Timeline.compute(s, completions: []), actions: actions, attendance: [], sent: [], asOf: d("2012-11-29"))
        #expect(digests.first { $0.recipient.id == "jo" }.map { $0.reminders.allSatisfy { $0.item.kind == .farewell("jo") } } ?? true,
                "after she left, only her farewell reaches her")
        #expect(digests.map(\.recipient.id).contains("ruth"), "the rt5 session reminder reaches the newcomer")
    }
}
