import Foundation
import RoundTableCore

/// The series report as one self-contained HTML5 page: the title, then the timeline picture with
/// the same facts as a table beside it, then each session in a section of its own. Styles are in
/// the page (with an A4 print sheet: coordinators print it for boards) and nothing runs in it, so
/// it can be mailed or opened from a USB stick.
///
/// It is built from the report's context (`SeriesReport.context`), whose values `MarkdownText`
/// has already made safe as HTML text; learning points, which are Markdown, go through cmark-gfm
/// one by one (`MarkdownHTML`), with raw HTML shown as text and unsafe links dropped.
enum ReportPage {
    /// `lead`: HTML, already safe, put between the header and the timeline (the served page's
    /// next session and subscribe links).
    static func html(_ report: [String: Any], timelineSVG: String, lead: String = "") -> String {
        let picture = timelineSVG.split(separator: "\n").filter { !$0.hasPrefix("<?xml") }.joined(separator: "\n")
        let title = report["title"] as? String ?? ""
        var body = ["<header>", "<h1>\(title)</h1>", "<p>Series report as of \(report["asOf"] ?? ""). \(report["summary"] ?? "")</p>", "</header>",
                    "<figure class=\"timeline\">", picture,
                    "<figcaption>The timeline as of \(report["asOf"] ?? ""); the table below gives the same facts.</figcaption>", "</figure>"]
        if !lead.isEmpty { body.insert(lead, at: 4) }
        body += factsTable(report["facts"] as? [[String: Any]] ?? [])
        body += ["<section id=\"open\">", "<h2>Still open before the seminar</h2>"]
        let open = report["open"] as? [String] ?? []
        body += open.isEmpty ? ["<p>Nothing: every stage due before the seminar is done and no action is open.</p>"]
            : ["<ul>"] + open.map { "<li>\($0)</li>" } + ["</ul>"]
        body.append("</section>")
        for session in report["sessions"] as? [[String: Any]] ?? [] { body += section(session) }
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title)</title>
        <style>
        \(style)
        </style>
        </head>
        <body>
        \(body.joined(separator: "\n"))
        </body>
        </html>

        """
    }

    private static let style = """
        body { font-family: Helvetica, Arial, sans-serif; max-width: 1140px; margin: 2em auto; padding: 0 1em; color: #222; line-height: 1.45; }
        h1 { font-size: 1.6em; margin-bottom: .2em; } h2 { margin-top: 1.8em; border-bottom: 1px solid #ddd; padding-bottom: .2em; }
        h4 { margin: 1em 0 .3em; }
        table { border-collapse: collapse; margin: .5em 0; } td, th { border: 1px solid #ccc; padding: .25em .6em; text-align: left; vertical-align: top; }
        caption { text-align: left; font-weight: bold; padding: .3em 0; }
        .late { background: #fde8e8; } .late::after { content: " ⚠"; }
        .cancelled { font-style: italic; } .history { font-size: .9em; color: #444; }
        figure { margin: 1.5em 0; overflow-x: auto; } svg { max-width: 100%; height: auto; } figcaption { font-size: .9em; color: #555; }
        @media print {
          @page { size: A4; margin: 15mm 12mm; }
          body { max-width: none; margin: 0; padding: 0; font-size: 10pt; color: #000; }
          figure { overflow: visible; break-inside: avoid; } svg { width: 100%; }
          h2, h3, h4 { break-after: avoid; } table, li { break-inside: avoid; }
          section { break-before: auto; } a { color: inherit; }
        }
        """

    /// The timeline's facts as a table: each session's day and each stage's dates, lateness in words.
    private static func factsTable(_ rows: [[String: Any]]) -> [String] {
        var out = ["<table class=\"timeline-facts\">", "<caption>The timeline as a table</caption>",
                   "<thead><tr><th scope=\"col\">Session</th><th scope=\"col\">Day</th>"
                   + Stage.allCases.map { "<th scope=\"col\">\($0.label)</th>" }.joined() + "</tr></thead>", "<tbody>"]
        for row in rows {
            let cells = (row["cells"] as? [String] ?? []).map { cell in
                let late = cell.contains("late") || cell.contains("overdue")
                return late ? "<td class=\"late\">\(cell)</td>" : "<td>\(cell)</td>"
            }
            out.append("<tr><th scope=\"row\">\(row["session"] ?? "")</th><td>\(row["day"] ?? "")</td>\(cells.joined())</tr>")
        }
        return out + ["</tbody>", "</table>"]
    }

    /// One session: its heading and facts, its stages (or that it was cancelled), its learning
    /// points by area, and its actions, each one item with its history nested under it.
    private static func section(_ s: [String: Any]) -> [String] {
        let id = (s["id"] as? String) ?? ""
        var out = ["<section id=\"session-\(id)\">", "<h2>\(s["heading"] ?? "")</h2>",
                   "<p>\(s["when"] ?? "") · \(s["where"] ?? "") · \(s["attendance"] ?? "")</p>"]
        let cancelled = s["cancelled"] as? Bool ?? false
        if cancelled {
            let because = (s["cancelledBecause"] as? String).flatMap { $0.isEmpty ? nil : " Why: \($0)." } ?? ""
            out.append("<p class=\"cancelled\"><strong>Cancelled.</strong> This session will not be held, and nothing is owed for it.\(because)</p>")
        } else {
            out += ["<table>", "<caption>Stages of \(id)</caption>",
                    "<thead><tr><th scope=\"col\">Stage</th><th scope=\"col\">Due</th><th scope=\"col\">Done</th></tr></thead>", "<tbody>"]
            for stage in s["stages"] as? [[String: Any]] ?? [] {
                let late = stage["late"] as? Bool ?? false
                out.append("<tr><td>\(stage["stage"] ?? "")</td><td>\(stage["due"] ?? "")</td>"
                           + (late ? "<td class=\"late\">\(stage["done"] ?? "") (late)</td>" : "<td>\(stage["done"] ?? "")</td>") + "</tr>")
            }
            out += ["</tbody>", "</table>"]
        }
        let areas = s["areas"] as? [[String: Any]] ?? []
        let introduction = s["introduction"] as? [String] ?? []
        if !areas.isEmpty || !introduction.isEmpty {
            out.append("<h3>Learning points</h3>")
            out += introduction.map { "<p>\(inline($0))</p>" }
            for area in areas {
                out += ["<h4>\(area["name"] ?? "")</h4>", "<ul>"] + (area["points"] as? [String] ?? []).map { "<li>\(inline($0))</li>" } + ["</ul>"]
            }
        } else if !cancelled {
            out.append("<p><em>No learning points recorded yet.</em></p>")
        }
        let actions = s["actions"] as? [[String: Any]] ?? []
        if !actions.isEmpty {
            out += ["<h3>Actions</h3>", "<ul class=\"actions\">"]
            for action in actions {
                let changes = action["changes"] as? [String] ?? []
                let history = changes.isEmpty ? "" : "<ul class=\"history\">" + changes.map { "<li>changed \($0)</li>" }.joined() + "</ul>"
                out.append("<li>\(action["id"] ?? "") (\(action["owner"] ?? ""), due \(action["due"] ?? ""), \(action["state"] ?? "")): \(action["text"] ?? "")\(history)</li>")
            }
            out.append("</ul>")
        }
        return out + ["</section>"]
    }

    /// A learning point's Markdown as inline HTML (a paragraph comes wrapped in `<p>`, which a
    /// list item does not need).
    private static func inline(_ point: String) -> String {
        var html = MarkdownHTML.html(from: point).trimmingCharacters(in: .whitespacesAndNewlines)
        if html.hasPrefix("<p>"), html.hasSuffix("</p>"), html.components(separatedBy: "<p>").count == 2 {
            html = String(html.dropFirst(3).dropLast(4))
        }
        return html
    }
}
