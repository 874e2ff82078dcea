/// The human form of `status`: one block per session, fitting an 80-column terminal.
public enum StatusTable {
    /// Renders the report; `colour` adds ANSI colour (only when writing to a terminal).
    public static func render(_ report: StatusReport, colour: Bool) -> String {
        let paint = Paint(enabled: colour)
        var out = [paint.bold("\(report.title) — status as of \(report.asOf)"), ""]
        for s in report.sessions {
            let place = s.location.map { " · \($0)" } ?? ""
            let head = "\(s.id.padding(11)) \(s.whenText)\(place)"
            out.append(paint.bold(String(head.prefix(80))))
            out.append("    " + String(s.subject.prefix(76)))
            let a = s.answers
            if a.accepted + a.declined + a.tentative > 0 {
                out.append("    answers: \(a.accepted) accepted, \(a.declined) declined, \(a.tentative) tentative, \(a.noAnswer) no answer")
            }
            if s.cancelled {
                out.append("    " + paint.dim("cancelled: nothing is owed"))
                continue
            }
            for stage in s.stages {
                let state: String
                if let done = stage.done {
                    state = paint.green("done \(done)")
                } else if stage.daysOverdue > 0 {
                    state = paint.red("OVERDUE \(stage.daysOverdue) day\(stage.daysOverdue == 1 ? "" : "s")")
                } else {
                    state = stage.stage == s.currentStage ? paint.yellow("open (current)") : "open"
                }
                let owners = stage.owners.isEmpty ? "-" : stage.owners.joined(separator: ",")
                out.append("    \(stage.stage.padding(12)) due \(stage.due)  \(owners.padding(10)) \(state)")
            }
        }
        out.append("")
        out.append(paint.bold("Open actions") + (report.openActions.isEmpty ? ": none" : ""))
        for a in report.openActions {
            let late = a.daysOverdue > 0 ? "  " + paint.red("OVERDUE \(a.daysOverdue) day\(a.daysOverdue == 1 ? "" : "s")") : ""
            out.append("  \(a.id.padding(4)) \(a.owner.padding(8)) due \(a.due) (\(a.session))\(late)")
            out.append("       " + String(a.text.prefix(73)))
        }
        return out.joined(separator: "\n") + "\n"
    }
}

/// ANSI colours, switched off entirely when output is not a terminal.
struct Paint {
    let enabled: Bool
    func bold(_ s: String) -> String { wrap(s, "1") }
    func dim(_ s: String) -> String { wrap(s, "2") }
    func red(_ s: String) -> String { wrap(s, "31") }
    func green(_ s: String) -> String { wrap(s, "32") }
    func yellow(_ s: String) -> String { wrap(s, "33") }
    private func wrap(_ s: String, _ code: String) -> String { enabled ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
}

extension String {
    /// Left-aligned in a column of `width` characters.
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
