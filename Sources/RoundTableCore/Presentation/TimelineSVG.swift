import CalendarTime
import Foundation

/// The series as a Gantt-style picture: one row per session, its stages as bars from when the
/// stage can start to when it is due, done marks, overdue work in a warning colour, and two
/// vertical lines, the as-of day and the seminar papers deadline.
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
            ##"<svg xmlns="http://www.w3.org/2000/svg" width="\##(layout.width)" height="\##(layout.height)" viewBox="0 0 \##(layout.width) \##(layout.height)" font-family="Helvetica, Arial, sans-serif" font-size="\##(layout.fontSize)">"##,
            "<title>\(escape(schedule.series.title)): timeline as of \(asOf)</title>",
            ##"<rect width="100%" height="100%" fill="#ffffff"/>"##,
            ##"<text x="10" y="22" font-size="16" font-weight="bold">\##(escape(schedule.series.title))</text>"##,
            ##"<text x="10" y="40" fill="#555555">Each stage from when it can start to when it is due; dot: done; red: overdue as of \##(asOf)</text>"##,
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
        let label = "\(t.session.id) · \(t.session.location ?? "place to be fixed")"
        let textY = Double(y) + Double(layout.rowHeight) / 2 + Double(layout.fontSize) / 3
        out.append(##"<text x="10" y="\##(fmt(textY))" class="session">\##(escape(String(label.prefix(40))))\##(t.session.isCancelled ? " (cancelled)" : "")</text>"##)
        // Bars first, then overdue stretches and done marks on top, so a later stage's bar never hides them.
        for (i, stage) in t.stages.enumerated() {
            let from = scale.x(start(of: i, in: t, policy: policy)), to = scale.x(stage.due)
            out.append(##"<rect x="\##(fmt(from))" y="\##(fmt(barY))" width="\##(fmt(max(2, to - from)))" height="\##(fmt(barHeight))" fill="\##(colours[stage.stage]!)" stroke="#ffffff" stroke-width="0.5"><title>\##(t.session.id) \##(stage.stage.rawValue): due \##(stage.due)\##(stage.done.map { ", done \($0)" } ?? "")</title></rect>"##)
        }
        for stage in t.stages where stage.done == nil && stage.due < asOf {
            let from = scale.x(stage.due), to = scale.x(asOf)
            out.append(##"<rect x="\##(fmt(from))" y="\##(fmt(barY + barHeight * 0.55))" width="\##(fmt(max(2, to - from)))" height="\##(fmt(barHeight * 0.45))" fill="\##(overdueColour)" class="overdue"><title>\##(t.session.id) \##(stage.stage.rawValue): \##(stage.due.days(until: asOf)) days overdue</title></rect>"##)
        }
        for stage in t.stages {
            guard let done = stage.done else { continue }
            out.append(##"<circle cx="\##(fmt(scale.x(done)))" cy="\##(fmt(barY + barHeight / 2))" r="\##(fmt(barHeight * 0.28))" fill="#1b5e20" stroke="#ffffff" class="done"><title>\##(t.session.id) \##(stage.stage.rawValue) done \##(done)</title></circle>"##)
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
            out.append(##"<rect x="\##(x)" y="\##(y)" width="14" height="10" fill="\##(colours[stage]!)"/>"##)
            out.append(##"<text x="\##(x + 18)" y="\##(y + 9)" font-size="11">\##(stage.label)</text>"##)
            x += 110
        }
        out.append(##"<rect x="\##(x)" y="\##(y)" width="14" height="10" fill="\##(overdueColour)"/>"##)
        out.append(##"<text x="\##(x + 18)" y="\##(y + 9)" font-size="11">Overdue</text>"##)
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
