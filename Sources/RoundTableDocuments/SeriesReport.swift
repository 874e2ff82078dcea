import CalendarTime
import RoundTableCore

/// The series report the seminar organisers are handed: every session, its stages, attendance,
/// learning points and actions, and what is still open before the seminar.
public enum SeriesReport {
    /// The report as Markdown; `writeups` holds the parsed write-up of each session that has one.
    public static func markdown(_ schedule: Schedule, timelines: [SessionTimeline], records: Records,
                                writeups: [String: WriteupFile], asOf: LocalDate, templates: Templates) -> String {
        let actions = records.actions
        let answers = SessionAnswers(records)
        // Everything still open that falls due by the papers deadline (with no seminar: by the
        // end of the years roundtable plans in) is what would be overdue the day after it.
        let horizon = Timeline.papersDeadline(in: schedule) ?? LocalDate(year: SupportedYears.range.upperBound, month: 12, day: 31)!
        let open = Overdue.items(schedule, timelines: timelines, actions: actions, asOf: horizon.adding(days: 1))
            .map { MarkdownText.literal("\($0.text): due \($0.due), \($0.owners.compactMap(schedule.member).map(\.name).joined(separator: ", "))") }
        let done = timelines.flatMap(\.stages).filter { $0.done != nil }.count
        let total = timelines.flatMap(\.stages).count
        let context: [String: Any] = [
            "title": MarkdownText.literal(schedule.series.title),
            "asOf": asOf.description,
            "summary": "\(done) of \(total) stages done; \(actions.filter(\.isOpen).count) of \(actions.count) actions open.",
            "open": open,
            "sessions": timelines.map { session($0, schedule: schedule, records: records, answers: answers, writeup: writeups[$0.session.id]) },
        ]
        return templates.render(.report, context)
    }

    private static func session(_ t: SessionTimeline, schedule: Schedule, records: Records, answers index: SessionAnswers,
                                writeup: WriteupFile?) -> [String: Any] {
        let s = t.session
        let actions = records.actions
        let answers = index.of(s, in: schedule)
        let count = { (state: AttendeeAnswer.State) in answers.filter { $0.state == state }.count }
        let attendance: String
        if s.isCancelled {
            attendance = "cancelled"
        } else if let attended = records.attendance.first(where: { $0.session == s.id }) {
            attendance = "\(attended.attended.count) of \(answers.count) attended"
        } else if t.deadline(.hold)?.done != nil {
            attendance = "attendance not recorded"
        } else if answers.allSatisfy({ $0.state == .noAnswer || $0.state == .organiser }) {
            attendance = "\(answers.count) invited, no answers recorded"
        } else {
            attendance = "\(count(.answered(.accepted)) + count(.organiser)) of \(answers.count) accepted, \(count(.answered(.declined))) declined"
        }
        let areas = (writeup?.areas ?? []).filter { !$0.points.isEmpty }.map {
            ["name": MarkdownText.literal($0.name), "points": $0.points.map(MarkdownText.point)] as [String: Any]
        }
        let own = actions.filter { $0.session == s.id }
        return [
            "heading": MarkdownText.literal("\(s.id): \(SessionText.title(s))"),
            "when": SessionText.when(s, zone: schedule.zone),
            "where": MarkdownText.literal(s.location ?? "place to be fixed"),
            "attendance": attendance,
            "stages": t.stages.map { ["stage": $0.stage.label, "due": $0.due.description, "done": $0.done?.description ?? "—"] },
            "hasPoints": !areas.isEmpty,
            "areas": areas,
            "hasActions": !own.isEmpty,
            "actions": own.map { ActionFields.of($0).mapValues { value -> Any in
                (value as? [String]).map { $0.map(MarkdownText.literal) } ?? MarkdownText.literal("\(value)")
            } },
        ]
    }
}
