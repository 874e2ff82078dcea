import CalendarTime

/// The organiser's weekly overview (`overview:` in the policy): what is late and by whom, the
/// answers and notes for the next session, and what falls due in the coming week. It comes on
/// its weekday (or the first run after, when cron missed it) whether or not anything of hers is
/// due, for as long as anything in the series is open.
public struct WeeklyOverview: Hashable, Sendable {
    /// "write-up of s2 (Short stories): Niamh Kelly, 9 days overdue".
    public let late: [String]
    /// The next session, as a person reads it; nil when none is to come.
    public let nextSession: String?
    /// Each invited member's answer to it: "Omar Haddad: declined “Can someone else…”".
    public let answers: [String]
    /// What falls due in the seven days after the day: "Tue 13 Oct 2026: Meeting: Short stories (everyone)".
    public let comingWeek: [String]

    /// The ledger key and trigger of the week's overview: the latest overview weekday on or
    /// before `asOf`; nil when the policy has none.
    static func item(_ schedule: Schedule, asOf: LocalDate) -> ReminderItem? {
        guard let weekday = schedule.policy.overviewDay else { return nil }
        let back = (asOf.isoWeekday - weekday + 7) % 7
        return ReminderItem(kind: .overview, session: "", text: "weekly overview", due: asOf.adding(days: -back),
                            recipients: [schedule.series.organiser])
    }

    /// The next overview day after `day`.
    static func next(after day: LocalDate, weekday: Int) -> LocalDate {
        day.adding(days: (weekday - day.isoWeekday + 6) % 7 + 1)
    }

    /// The overview as of `asOf`, from the open items of the series.
    static func make(_ schedule: Schedule, timelines: [SessionTimeline], actions: [Action], items: [ReminderItem],
                     answers: SessionAnswers, asOf: LocalDate) -> WeeklyOverview {
        let names = { (ids: [String]) in ids.compactMap(schedule.member).map(\.name).joined(separator: ", ") }
        let late = Overdue.items(schedule, timelines: timelines, actions: actions, asOf: asOf).map { item in
            "\(item.text): \(names(item.owners).isEmpty ? "no one" : names(item.owners)), \(item.daysOverdue) day\(item.daysOverdue == 1 ? "" : "s") overdue"
        }
        let next = timelines.map(\.session).filter { !$0.isCancelled }
            .first { session in session.timing.start.map { $0.date >= asOf } ?? false }
        let people = next.map { answers.of($0, in: schedule) } ?? []
        let answerLines = people.filter { $0.state != .organiser }.map { person in
            "\(person.member.name): \(person.text)" + (person.note.isEmpty ? "" : " “\(person.note)”")
        }
        let week = asOf.adding(days: 1)...asOf.adding(days: 7)
        let coming = items.filter { week.contains($0.due) && ($0.kind.isOwed || $0.kind == .session) && !$0.kind.isOnce }
            .sorted { ($0.due, $0.key) < ($1.due, $1.key) }
            .map { "\(SessionText.day($0.due)): \($0.text) (\($0.kind == .session ? "everyone invited" : names($0.recipients)))" }
        return WeeklyOverview(late: late, nextSession: next.map { "\(SessionText.title($0)), \(SessionText.when($0, zone: schedule.zone))" },
                              answers: answerLines, comingWeek: coming)
    }
}
