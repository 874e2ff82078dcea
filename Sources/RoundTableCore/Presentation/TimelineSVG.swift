import CalendarTime
import Foundation

/// The series as a Gantt-style picture: one row per session, its stages as bars from when the
/// stage can start to when it is due, the session's own day as a diamond (the weeks from the
/// invitations to it drawn light, as waiting rather than work), done marks, overdue and late work
/// hatched in a warning colour, and two vertical lines, the as-of day and the seminar papers
/// deadline. Stages differ by pattern and by a letter as well as by colour, and the picture is an
/// `img` with a title and a description that say what it shows, so nothing rests on colour alone.
///
/// Rows shrink as sessions are added (down to a floor that still fits a label), so seven
/// sessions and forty both fit a page; the picture is plain SVG 1.1 with no scripts or fonts to
/// load, so it reads the same in a browser, an image viewer and a converter.
public enum TimelineSVG {
    public static func render(_ schedule: Schedule, timelines: [SessionTimeline], asOf: LocalDate) -> String {
        let rows = timelines.filter { !$0.stages.isEmpty || $0.session.isCancelled }
        let layout = Layout(rows: rows.count)
        var spans: [LocalDate] = [asOf]
        for t in rows {
            for (i, stage) in t.stages.enumerated() {
                spans.append(start(of: i, in: t, policy: schedule.policy))
                spans.append(stage.due)
                if let done = stage.done { spans.append(done) }
            }
        }
        let papers = Timeline.papersDeadline(in: schedule)
        if let papers { spans.append(papers) }
        let first = LocalDate(year: spans.min()!.year, month: spans.min()!.month, day: 1)!
        let last = spans.max()!.adding(months: 1)
        let scale = Scale(first: first, last: LocalDate(year: last.year, month: last.month, day: 1)!, left: layout.labelWidth,
                          right: layout.width - 20)

        var svg = [
            ##"<?xml version="1.0" encoding="UTF-8"?>"##,
            ##"<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="timeline-title timeline-desc" width="\##(layout.width)" height="\##(layout.height)" viewBox="0 0 \##(layout.width) \##(layout.height)" font-family="Helvetica, Arial, sans-serif" font-size="\##(layout.fontSize)">"##,
            ##"<title id="timeline-title">\##(escape(schedule.series.title)): timeline as of \##(asOf)</title>"##,
            ##"<desc id="timeline-desc">\##(escape(description(rows, papers: papers, asOf: asOf)))</desc>"##,
            patterns,
            ##"<rect width="100%" height="100%" fill="#ffffff"/>"##,
            ##"<text x="10" y="22" font-size="16" font-weight="bold">\##(escape(Excerpt.of(schedule.series.title, limit: 110)))</text>"##,
            ##"<text x="10" y="40" fill="#555555">Each stage from when it can start to when it is due; diamond: the session; dot: done; hatched red: late or overdue as of \##(asOf)</text>"##,
        ]
        svg += monthGrid(scale, layout)
        for (index, timeline) in rows.enumerated() {
            svg += row(timeline, index: index, layout: layout, scale: scale, policy: schedule.policy, asOf: asOf)
        }
        svg += marker(x: scale.x(asOf), label: "as of \(asOf)", colour: "#1f4e79", layout: layout, dash: "6 3", line: 0)
        if let papers {
            svg += marker(x: scale.x(papers), label: "seminar papers due \(papers)", colour: "#7a3e9d", layout: layout, dash: "2 2", line: 1)
        }
        svg += legend(layout)
        svg.append("</svg>")
        return svg.joined(separator: "\n") + "\n"
    }

    static let colours: [Stage: String] = [.plan: "#9ecae1", .hold: "#4292c6", .writeup: "#74c476", .disseminate: "#fd8d3c"]
    static let overdueColour = "#d62728"
    /// The letter on each stage's bar and in the legend, for a reader who cannot tell the colours apart.
    static let letters: [Stage: String] = [.plan: "P", .hold: "H", .writeup: "W", .disseminate: "D"]

    /// Fills that tell the stages (and lateness) apart without colour: plan hatched one way,
    /// write-up dotted, dissemination cross-hatched, the hold stage plain; late work hatched red.
    private static let patterns = """
        <defs>
        <pattern id="p-plan" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#9ecae1"/><line x1="0" y1="0" x2="0" y2="6" stroke="#3a6f8f" stroke-width="1.5"/></pattern>
        <pattern id="p-hold" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#4292c6"/></pattern>
        <pattern id="p-writeup" width="5" height="5" patternUnits="userSpaceOnUse"><rect width="5" height="5" fill="#74c476"/><circle cx="2.5" cy="2.5" r="1" fill="#1e5b28"/></pattern>
        <pattern id="p-disseminate" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#fd8d3c"/><path d="M0 0L6 6M6 0L0 6" stroke="#8a4410" stroke-width="1"/></pattern>
        <pattern id="p-late" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)"><rect width="5" height="5" fill="#f3b6b6"/><line x1="0" y1="0" x2="0" y2="5" stroke="#d62728" stroke-width="2.5"/></pattern>
        </defs>
        """

    /// What the picture shows, in words: the `desc` a screen reader reads.
    static func description(_ rows: [SessionTimeline], papers: LocalDate?, asOf: LocalDate) -> String {
        let stages = rows.flatMap(\.stages)
        let late = stages.filter { stage in stage.done.map { $0 > stage.due } ?? false }.count
        let overdue = stages.filter { $0.daysOverdue(asOf: asOf) > 0 }.count
        let cancelled = rows.filter(\.session.isCancelled).count
        var text = "\(rows.count) sessions, each a row with its stages as bars from when each can start to when it is due. "
            + "As of \(asOf): \(stages.filter { $0.done != nil }.count) of \(stages.count) stages done, \(late) of them late; "
            + "\(overdue) overdue"
        if cancelled > 0 { text += "; \(Plural.count(cancelled, "session")) cancelled" }
        if let papers { text += ". Seminar papers are due \(papers)" }
        return text + ". The report's table beside the picture gives each date."
    }

    /// Where the picture's parts go; rows get smaller as there are more of them.
    struct Layout {
        let rows: Int
        let width = 1100
        let labelWidth = 300
        let top = 84
        var rowHeight: Int { max(12, min(34, 620 / max(rows, 1))) }
        var fontSize: Int { max(9, min(13, rowHeight / 2 + 2)) }
        var height: Int { top + rows * rowHeight + 80 }
        var bottom: Int { top + rows * rowHeight }
    }

    /// Days to x positions.
    struct Scale {
        let first: LocalDate, last: LocalDate
        let left: Int, right: Int
        func x(_ d: LocalDate) -> Double {
            let span = Double(max(1, first.days(until: last)))
            return Double(left) + Double(first.days(until: d)) / span * Double(right - left)
        }
    }

    /// A stage can start when the one before it is due (the plan stage: invite-lead before its due).
    static func start(of index: Int, in timeline: SessionTimeline, policy: Policy) -> LocalDate {
        guard index > 0 else { return policy.inviteLead.before(timeline.stages[0].due) }
        let previous = timeline.stages[index - 1]
        return min(previous.done ?? previous.due, timeline.stages[index].due)
    }

    private static func row(_ t: SessionTimeline, index: Int, layout: Layout, scale: Scale, policy: Policy, asOf: LocalDate) -> [String] {
        let y = layout.top + index * layout.rowHeight
        let barHeight = Double(layout.rowHeight) * 0.6
        let barY = Double(y) + (Double(layout.rowHeight) - barHeight) / 2
        var out: [String] = []
        if index % 2 == 1 {
            out.append(##"<rect x="0" y="\##(y)" width="\##(layout.width)" height="\##(layout.rowHeight)" fill="#f4f6f8"/>"##)
        }
        let place = t.session.location ?? "place to be fixed"
        let suffix = t.session.isCancelled ? " (cancelled)" : ""
        let label = Excerpt.of("\(t.session.id) · \(place)", limit: 44 - suffix.count) + suffix
        let textY = Double(y) + Double(layout.rowHeight) / 2 + Double(layout.fontSize) / 3
        out.append(##"<text x="10" y="\##(fmt(textY))" class="session"><title>\##(escape("\(t.session.id): \(SessionText.title(t.session)), \(place)\(suffix)"))</title>\##(escape(label))</text>"##)
        if t.session.isCancelled {
            let x = scale.x(t.session.timing.earliestDay)
            out.append(##"<text x="\##(fmt(x))" y="\##(fmt(textY))" fill="#555555" font-style="italic" class="cancelled">✕ cancelled</text>"##)
            return out
        }
        // Bars first, then late stretches and marks on top, so a later stage's bar never hides them.
        for (i, stage) in t.stages.enumerated() {
            let from = scale.x(start(of: i, in: t, policy: policy)), to = scale.x(stage.due)
            // The hold stage is the wait from the invitations to the day itself: drawn light.
            let opacity = stage.stage == .hold ? ##" fill-opacity="0.3""## : ""
            out.append(##"<rect x="\##(fmt(from))" y="\##(fmt(barY))" width="\##(fmt(max(2, to - from)))" height="\##(fmt(barHeight))" fill="url(#p-\##(stage.stage.rawValue))"\##(opacity) stroke="\##(colours[stage.stage]!)" stroke-width="0.8" class="stage \##(stage.stage.rawValue)"><title>\##(t.session.id) \##(stage.stage.label): due \##(stage.due)\##(stage.done.map { ", done \($0)" } ?? "")</title></rect>"##)
            if to - from > Double(layout.fontSize) * 1.6, stage.stage != .hold {
                out.append(##"<text x="\##(fmt(from + 3))" y="\##(fmt(textY - 1))" font-size="\##(layout.fontSize - 2)" font-weight="bold" fill="#222222" aria-hidden="true">\##(letters[stage.stage]!)</text>"##)
            }
        }
        if let hold = t.deadline(.hold) {
            let x = scale.x(hold.done ?? hold.due), mid = barY + barHeight / 2, r = barHeight * 0.55
            out.append(##"<path d="M\##(fmt(x)) \##(fmt(mid - r))L\##(fmt(x + r)) \##(fmt(mid))L\##(fmt(x)) \##(fmt(mid + r))L\##(fmt(x - r)) \##(fmt(mid))Z" fill="#08306b" stroke="#ffffff" stroke-width="0.8" class="session-day"><title>\##(t.session.id) \##(hold.done == nil ? "to be held" : "held") \##(hold.done ?? hold.due)</title></path>"##)
        }
        for stage in t.stages {
            let end = stage.done ?? (stage.daysOverdue(asOf: asOf) > 0 ? asOf : nil)
            guard let end, end > stage.due else { continue }
            let from = scale.x(stage.due), to = scale.x(end)
            let what = stage.done == nil ? "\(stage.daysOverdue(asOf: asOf)) days overdue" : "done \(stage.due.days(until: end)) days late"
            out.append(##"<rect x="\##(fmt(from))" y="\##(fmt(barY + barHeight * 0.5))" width="\##(fmt(max(3, to - from)))" height="\##(fmt(barHeight * 0.5))" fill="url(#p-late)" stroke="\##(overdueColour)" stroke-width="0.8" class="\##(stage.done == nil ? "overdue" : "late")"><title>\##(t.session.id) \##(stage.stage.label): \##(what)</title></rect>"##)
        }
        for stage in t.stages where stage.stage != .hold {
            guard let done = stage.done else { continue }
            out.append(##"<circle cx="\##(fmt(scale.x(done)))" cy="\##(fmt(barY + barHeight / 2))" r="\##(fmt(barHeight * 0.28))" fill="#1b5e20" stroke="#ffffff" class="done"><title>\##(t.session.id) \##(stage.stage.label) done \##(done)</title></circle>"##)
        }
        return out
    }

    private static func monthGrid(_ scale: Scale, _ layout: Layout) -> [String] {
        var out: [String] = []
        var month = scale.first
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        while month <= scale.last {
            let x = fmt(scale.x(month))
            out.append(##"<line x1="\##(x)" y1="\##(layout.top - 4)" x2="\##(x)" y2="\##(layout.bottom)" stroke="#dddddd"/>"##)
            out.append(##"<text x="\##(x)" y="\##(layout.top - 8)" fill="#555555" font-size="10">\##(names[month.month - 1])</text>"##)
            if month.month == 1 || month == scale.first {
                out.append(##"<text x="\##(x)" y="\##(layout.top - 22)" fill="#333333" font-size="11" font-weight="bold">\##(month.year)</text>"##)
            }
            month = month.adding(months: 1)
        }
        return out
    }

    /// A vertical line across all rows, labelled below them; `line` staggers labels that would collide.
    private static func marker(x: Double, label: String, colour: String, layout: Layout, dash: String, line: Int) -> [String] {
        let labelY = layout.bottom + 14 + 13 * line
        let anchor = x > Double(layout.width) * 0.75 ? "end" : "start"
        let labelX = anchor == "end" ? x - 4 : x + 4
        return [##"<line x1="\##(fmt(x))" y1="\##(layout.top - 4)" x2="\##(fmt(x))" y2="\##(labelY - 10)" stroke="\##(colour)" stroke-width="2" stroke-dasharray="\##(dash)"/>"##,
                ##"<text x="\##(fmt(labelX))" y="\##(labelY)" fill="\##(colour)" font-size="11" text-anchor="\##(anchor)">\##(escape(label))</text>"##]
    }

    private static func legend(_ layout: Layout) -> [String] {
        var out: [String] = []
        var x = 10
        let y = layout.bottom + 48
        for stage in Stage.allCases {
            let opacity = stage == .hold ? ##" fill-opacity="0.3""## : ""
            out.append(##"<rect x="\##(x)" y="\##(y)" width="18" height="11" fill="url(#p-\##(stage.rawValue))"\##(opacity) stroke="\##(colours[stage]!)"/>"##)
            let name = stage == .hold ? "Invited, waiting for the day" : stage.label
            out.append(##"<text x="\##(x + 22)" y="\##(y + 9)" font-size="11">\##(letters[stage]!) \##(name)</text>"##)
            x += stage == .hold ? 190 : 110
        }
        out.append(##"<path d="M\##(x + 7) \##(y - 1)L\##(x + 13) \##(y + 5)L\##(x + 7) \##(y + 11)L\##(x + 1) \##(y + 5)Z" fill="#08306b"/>"##)
        out.append(##"<text x="\##(x + 18)" y="\##(y + 9)" font-size="11">Session day</text>"##)
        x += 100
        out.append(##"<circle cx="\##(x + 6)" cy="\##(y + 5)" r="4" fill="#1b5e20"/>"##)
        out.append(##"<text x="\##(x + 14)" y="\##(y + 9)" font-size="11">Done</text>"##)
        x += 60
        out.append(##"<rect x="\##(x)" y="\##(y)" width="18" height="11" fill="url(#p-late)" stroke="\##(overdueColour)"/>"##)
        out.append(##"<text x="\##(x + 22)" y="\##(y + 9)" font-size="11">Late or overdue</text>"##)
        return out
    }

    private static func fmt(_ v: Double) -> String {
        let rounded = (v * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    /// XML text escaping.
    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
