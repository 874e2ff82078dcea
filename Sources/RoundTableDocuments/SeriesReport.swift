import CalendarTime
import RoundTableCore

/// The series report the seminar organisers are handed: every session, its stages, attendance,
/// learning points and actions, and what is still open before the seminar.
public enum SeriesReport {
    /// The report as Markdown; `writeups` holds the parsed write-up of each session that has one.
    public static func markdown(_ schedule: Schedule, timelines: [SessionTimeline], records: Records,
                                writeups: [String: WriteupFile], asOf: LocalDate, templates: Templates,
                                audience: ReportAudience = .group) -> String {
        templates.render(.report, context(schedule, timelines: timelines, records: records, writeups: writeups, asOf: asOf,
                                          audience: audience))
    }

    /// The report as one HTML page, with the timeline picture and the same facts as a table;
    /// `lead` is HTML, already safe, put after the header (`roundtable serve`'s series page).
    public static func html(_ schedule: Schedule, timelines: [SessionTimeline], records: Records,
                            writeups: [String: WriteupFile], asOf: LocalDate, timelineSVG: String,
                            audience: ReportAudience = .group, lead: String = "") -> String {
        ReportPage.html(context(schedule, timelines: timelines, records: records, writeups: writeups, asOf: asOf, audience: audience),
                        timelineSVG: timelineSVG, lead: lead)
    }

    /// What both forms show, every value already made safe for Markdown and HTML alike
    /// (`MarkdownText`): the report template and `ReportPage` read the same keys.
    static func context(_ schedule: Schedule, timelines: [SessionTimeline], records: Records,
                        writeups: [String: WriteupFile], asOf: LocalDate, audience: ReportAudience) -> [String: Any] {
        let actions = records.actions
        let answers = SessionAnswers(records)
        // Everything still open that falls due by the papers deadline (with no seminar: by the
        // end of the years roundtable plans in) is what would be overdue the day after it.
        let horizon = Timeline.papersDeadline(in: schedule) ?? LocalDate(year: SupportedYears.range.upperBound, month: 12, day: 31)!
        let open = Overdue.items(schedule, timelines: timelines, actions: actions, asOf: horizon.adding(days: 1))
            .map { MarkdownText.literal("\($0.text): due \($0.due), \($0.owners.map { audience.name(of: $0, in: schedule) }.joined(separator: ", "))") }
        let done = timelines.flatMap(\.stages).filter { $0.done != nil }.count
        let total = timelines.flatMap(\.stages).count
        return [
            "title": MarkdownText.literal(schedule.series.title),
            "asOf": asOf.description,
            "summary": "\(done) of \(total) stages done; \(actions.filter(\.isOpen).count) of \(actions.count) actions open."
                + (audience == .public ? " Public edition: what the group keeps to itself is left out." : ""),
            "open": open,
            "sessions": timelines.map { session($0, schedule: schedule, records: records, answers: answers, writeup: writeups[$0.session.id],
                                                audience: audience) },
            "facts": timelines.map { facts($0, asOf: asOf) },
        ]
    }

    /// A stage as a table cell says it: due, and done (late by how much) or overdue.
    static func state(of stage: StageDeadline, asOf: LocalDate) -> String {
        guard let done = stage.done else {
            let late = stage.daysOverdue(asOf: asOf)
            return late > 0 ? "due \(stage.due), overdue \(Plural.count(late, "day"))" : "due \(stage.due)"
        }
        let late = stage.due.days(until: done)
        return "due \(stage.due), done \(done)" + (late > 0 ? " (\(Plural.count(late, "day")) late)" : "")
    }

    /// One row of the table beside the timeline: the same facts as the picture, in words.
    private static func facts(_ t: SessionTimeline, asOf: LocalDate) -> [String: Any] {
        let s = t.session
        let day = s.isCancelled ? "cancelled" : t.deadline(.hold).map { "\($0.done ?? $0.due)" } ?? "—"
        return ["session": MarkdownText.literal("\(s.id): \(s.location ?? "place to be fixed")"), "day": day,
                "cells": Stage.allCases.map { stage in t.deadline(stage).map { state(of: $0, asOf: asOf) } ?? "—" },
                "late": t.stages.contains { stage in stage.done.map { $0 > stage.due } ?? (stage.daysOverdue(asOf: asOf) > 0) }]
    }

    private static func session(_ t: SessionTimeline, schedule: Schedule, records: Records, answers index: SessionAnswers,
                                writeup: WriteupFile?, audience: ReportAudience) -> [String: Any] {
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
        let areas = (writeup?.areas ?? []).filter { !$0.points.isEmpty && audience.shows($0) }.map {
            ["name": MarkdownText.literal($0.name), "points": $0.points.map(MarkdownText.point)] as [String: Any]
        }
        let own = actions.filter { $0.session == s.id }
        return [
            "id": s.id,
            "heading": MarkdownText.literal("\(s.id): \(SessionText.title(s))"),
            "when": SessionText.when(s, zone: schedule.zone),
            "where": MarkdownText.literal(s.location ?? "place to be fixed"),
            "attendance": attendance,
            "cancelled": s.isCancelled,
            "cancelledBecause": s.cancellationReason.map(MarkdownText.literal) ?? "",
            "stages": t.stages.map { stage in
                ["stage": stage.stage.label, "due": stage.due.description, "done": stage.done?.description ?? "—",
                 "late": stage.done.map { $0 > stage.due } ?? false]
            },
            "hasPoints": !areas.isEmpty || !(writeup?.introduction.isEmpty ?? true),
            "introduction": (writeup?.introduction ?? []).map(MarkdownText.point),
            "areas": areas,
            "hasActions": !own.isEmpty,
            "actions": own.map { action in ActionFields.of(shown(action, to: audience, in: schedule), in: schedule).mapValues { value -> Any in
                (value as? [String]).map { $0.map(MarkdownText.literal) } ?? MarkdownText.literal("\(value)")
            } },
        ]
    }

    /// An action as the audience may read it: a member the public may not read of is "a member",
    /// and who it passed between is not told.
    private static func shown(_ action: Action, to audience: ReportAudience, in schedule: Schedule) -> Action {
        guard audience == .public else { return action }
        var shown = action
        if !audience.names(action.owner, in: schedule) { shown.owner = "a member" }
        shown.history = action.history.filter { $0.field != .owner }
        return shown
    }
}
