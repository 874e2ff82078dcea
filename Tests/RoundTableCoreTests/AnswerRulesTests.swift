import CalendarTime
import Testing
@testable import RoundTableCore

/// The rules by which answers, away periods and quiet days shape what `remind` sends: pure, no
/// file, clock or network.
@Suite struct AnswerRulesTests {
    private let d = ScheduleFixture.date

    private func schedule(policy: String) -> Schedule {
        ScheduleFixture.load(ScheduleFixture.yaml.replacingOccurrences(of: "  papers-before-seminar: P14D\n",
                                                                       with: "  papers-before-seminar: P14D\n\(policy)")).0!.schedule
    }

    private func reply(_ who: String, _ answer: Reply.Answer, _ session: String = "rt5") -> Reply {
        Reply(session: session, attendee: who, answer: answer, sequence: 0, stamp: LocalDateTime(secondsSinceEpoch: 1_350_000_000))
    }

    private func keys(_ s: Schedule, _ answers: SessionAnswers, asOf: String, sent: [LedgerEntry] = []) -> [String: [String]] {
        let digests = ReminderPlanner.plan(s, timelines: Timeline.compute(s, completions: []), actions: [], attendance: [], answers: answers,
                                           sent: sent, asOf: d(asOf))
        // Only what is about rt5: rt4's stages, never recorded here, are late throughout.
        return Dictionary(uniqueKeysWithValues: digests.compactMap { digest in
            let about = digest.reminders.map { "\($0.item.key)@\($0.trigger)" }.filter { $0.contains(":rt5") }
            return about.isEmpty ? nil : (digest.recipient.id, about)
        })
    }

    @Test func quietDaysReadWeekdaysAndMonthDaysAndFindTheNextOpenDay() {
        #expect(QuietDays.entry("sat")?.weekday == 6 && QuietDays.entry("Sunday")?.weekday == 7)
        #expect(QuietDays.entry("12-25")?.date == 1225 && QuietDays.entry("02-29")?.date == 229)
        for bad in ["xmas", "12-32", "13-01", "1-1", "sa", "saturn"] { #expect(QuietDays.entry(bad) == nil, "\(bad)") }
        let quiet = QuietDays(weekdays: [6, 7], dates: [1225, 1226, 101])
        // Christmas 2026 is a Friday and Boxing Day a Saturday: the next open day is Monday the 28th.
        #expect(quiet.firstOpen(onOrAfter: d("2026-12-24")) == d("2026-12-24"))
        #expect(quiet.firstOpen(onOrAfter: d("2026-12-25")) == d("2026-12-28"))
        #expect(QuietDays(weekdays: Set(1...7)).firstOpen(onOrAfter: d("2026-12-25")) == nil)
    }

    @Test func checkLocatesEachBadNewPolicyKey() {
        let (_, diagnostics) = ScheduleFixture.load(ScheduleFixture.yaml.replacingOccurrences(
            of: "  papers-before-seminar: P14D\n",
            with: "  papers-before-seminar: P14D\n  ask-again: PT12H\n  quorum: four\n  quorum-check: soon\n  quiet-days: [sat, xmas]\n"))
        #expect(diagnostics.map { "\($0.line ?? 0): \($0.message)" } == [
            "13: 'ask-again' 'PT12H' must be whole days, weeks, months or years (e.g. 'P14D').",
            "14: 'quorum' 'four' should be a whole number of people, at least 1 (e.g. 'quorum: 4').",
            "15: 'quorum-check' 'soon' is not an ISO 8601 duration (e.g. 'P14D', 'P2W', 'PT3H30M').",
            "16: 'xmas' in 'quiet-days' is neither a weekday (mon … sun) nor a month-day (MM-DD, e.g. 12-25).",
        ])
    }

    @Test func whoDeclinedOrIsAwayIsNotRemindedToAttendButStillOwesHerTasks() {
        let s = ScheduleFixture.schedule
        let declined = SessionAnswers(invitations: [], replies: [reply("sam", .declined)])
        // 29 Nov: a week before rt5. Sam declined: no session reminder; the organiser is told once.
        let week = keys(s, declined, asOf: "2012-11-29")
        #expect(week["sam"] == nil, "\(week)")
        #expect(week["coord"]?.contains("declined:rt5:rapporteur:sam@2012-12-06") == true)
        #expect(keys(s, .none, asOf: "2012-11-29")["sam"] == ["session:rt5@2012-11-29"])
        let away = SessionAnswers(invitations: [], replies: [reply("sam", .accepted)],
                                  away: [AwayPeriod(member: "sam", from: d("2012-12-01"), to: d("2012-12-10"), reason: nil)])
        #expect(keys(s, away, asOf: "2012-11-29")["sam"] == nil, "away counts as declined, whatever she answered")
        // Her write-up of rt4 (held 26 Oct, due 9 Nov) still comes, declined to rt5 or not.
        let writeup = ReminderPlanner.plan(s, timelines: Timeline.compute(s, completions: [
            Completion(session: "rt4", stage: .plan, on: d("2012-09-20")), Completion(session: "rt4", stage: .hold, on: d("2012-10-26"))]),
            actions: [], attendance: [], answers: declined, sent: [], asOf: d("2012-11-02"))
        #expect(writeup.first { $0.recipient.id == "sam" }?.reminders.map(\.item.key) == ["stage:rt4:writeup"])
    }

    @Test func aReminderDueOnAQuietDayGoesOnceOnTheNextOpenDay() {
        // rt5 is on Thu 6 Dec 2012; a week before is Thu 29 Nov, made quiet here with Friday.
        let s = schedule(policy: "  quiet-days: [thu, fri]\n")
        #expect(keys(s, .none, asOf: "2012-11-29").isEmpty && keys(s, .none, asOf: "2012-11-30").isEmpty)
        let monday = keys(s, .none, asOf: "2012-12-03")
        #expect(monday["sam"] == ["session:rt5@2012-11-29"], "the Thursday's reminder, on Monday (cron missed the weekend)")
        let sent = monday.flatMap { who, items in items.map { item in
            let parts = item.split(separator: "@")
            return LedgerEntry(item: String(parts[0]), recipient: who, trigger: d(String(parts[1])))
        } }
        #expect(keys(s, .none, asOf: "2012-12-04", sent: sent)["sam"] == nil, "never twice")
        #expect(ReminderPlanner.nextDue(s, timelines: Timeline.compute(s, completions: []), actions: [], attendance: [], sent: sent,
                                        asOf: d("2012-12-04")) == d("2012-12-05"))
    }

    @Test func theQuorumIsCheckedOnItsDayAndSaysWhoHasNotAnswered() throws {
        let s = schedule(policy: "  quorum: 3\n")
        let timelines = Timeline.compute(s, completions: [])
        let rt5 = try #require(timelines.first { $0.session.id == "rt5" })
        let answers = SessionAnswers(invitations: [], replies: [])
        #expect(QuorumShortfall.of(rt5, in: s, answers: answers, asOf: d("2012-11-30")) == nil, "before its check day (1 Dec)")
        #expect(QuorumShortfall.of(rt5, in: s, answers: answers, asOf: d("2012-12-01"))
            == QuorumShortfall(session: "rt5", needed: 3, accepted: ["coord"], noAnswer: ["sam"]))
        #expect(QuorumShortfall.of(rt5, in: s, answers: SessionAnswers(invitations: [], replies: [reply("sam", .accepted)]),
                                   asOf: d("2012-12-01")) == QuorumShortfall(session: "rt5", needed: 3, accepted: ["coord", "sam"], noAnswer: []))
        let two = schedule(policy: "  quorum: 2\n")
        let met = try #require(Timeline.compute(two, completions: []).first { $0.session.id == "rt5" })
        #expect(QuorumShortfall.of(met, in: two, answers: SessionAnswers(invitations: [], replies: [reply("sam", .accepted)]),
                                   asOf: d("2012-12-01")) == nil, "met")
    }
}
