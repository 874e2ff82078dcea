/// The human form of `status`: one block per session, fitting an 80-column terminal.
public enum StatusTable {
    /// One session in detail (`status SESSION`): its stages, each invited member's answer, who
    /// attended, the actions agreed there and those carried in. `answeredOnTheWeb`: the members
    /// whose answer came from their page on `roundtable serve` rather than their calendar.
    public static func render(_ report: StatusReport, session id: String, actions: [Action], carried: [Action], colour: Bool,
                              answeredOnTheWeb: Set<String> = []) -> String {
        let paint = Paint(enabled: colour)
        guard let s = report.sessions.first(where: { $0.id == id }) else { return "" }
        var out = [paint.bold("\(report.title) — \(s.id) as of \(report.asOf)"), ""] + session(s, paint: paint)
        out.append("")
        out.append(paint.bold("Invited") + " (\(s.attendees.count))")
        for person in s.attendees {
            out.append("    \(person.name.padding(24)) \(person.answer)" + (answeredOnTheWeb.contains(person.id) ? " (on the web)" : ""))
            if let note = person.note { out += Wrap.lines("“\(note)”", width: 70).map { "        " + $0 } }
        }
        if let attended = s.attended {
            let names = s.attendees.filter { attended.contains($0.id) }.map(\.name)
            out.append("")
            out.append(paint.bold("Attended") + " (\(attended.count))")
            out += Wrap.lines(names.joined(separator: ", "), width: 76).map { "    " + $0 }
        } else if s.attendanceNotRecorded {
            out.append("")
            out.append(paint.bold("Attended") + ": attendance not recorded")
            out.append("    record who came: roundtable advance \(s.id) hold --attended ID,…")
        }
        for (title, list) in [("Actions agreed here", actions), ("Open actions carried in", carried)] {
            out.append("")
            out.append(paint.bold(title) + (list.isEmpty ? ": none" : ""))
            for a in list {
                let state = a.done.map { "done \($0)" } ?? a.dropped.map { "dropped \($0.on)" } ?? "open"
                out.append("  \(a.id.padding(4)) \(a.owner.padding(8)) due \(a.due)  \(state)")
                out += Wrap.lines(a.text, width: 73).map { "       " + $0 }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// A session's block: heading, subject, answers in brief, and each stage.
    private static func session(_ s: StatusReport.SessionStatus, paint: Paint) -> [String] {
        var out: [String] = []
        let place = s.location.map { " · \($0)" } ?? ""
        let head = "\(s.id.padding(11)) \(s.whenText)\(place)"
        // Wrapped, never cut: a long place or subject goes on over the next lines, indented.
        let headLines = Wrap.fitted(head, width: 80)
        out.append(paint.bold(headLines[0]))
        out += headLines.dropFirst().flatMap { Wrap.lines($0, width: 76) }.map { "    " + paint.bold($0) }
        out += Wrap.lines(s.subject, width: 76).map { "    " + $0 }
        let a = s.answers
        if a.declined + a.tentative + a.answeredEarlierVersion > 0 || s.attendees.contains(where: { $0.answer == "accepted" }) {
            let earlier = a.answeredEarlierVersion > 0 ? ", \(a.answeredEarlierVersion) answered an earlier version" : ""
            out.append("    answers: \(a.accepted) accepted, \(a.declined) declined, \(a.tentative) tentative, \(a.noAnswer) no answer\(earlier)")
        }
        for person in s.attendees where person.away {
            out += Wrap.lines("\(person.name): \(person.answer)", width: 76).map { "    " + $0 }
        }
        if s.cancelled {
            out.append("    " + paint.dim("cancelled: nothing is owed"))
            return out
        }
        if let unfilled = s.unfilledAreas, !unfilled.isEmpty {
            out += Wrap.lines("write-up incomplete: \(unfilled.joined(separator: ", ")) still the skeleton's placeholder", width: 76)
                .map { "    " + paint.yellow($0) }
        }
        for stage in s.stages {
            let state: String
            if let done = stage.done {
                state = paint.green("done \(done)")
            } else if stage.daysOverdue > 0 {
                state = paint.red("OVERDUE \(Plural.count(stage.daysOverdue, "day"))")
            } else {
                state = stage.stage == s.currentStage ? paint.yellow("open (current)") : "open"
            }
            let owners = stage.owners.isEmpty ? "-" : stage.owners.joined(separator: ",")
            out.append("    \(stage.stage.padding(12)) due \(stage.due)  \(owners.padding(10)) \(state)")
        }
        if s.attendanceNotRecorded { out.append("    " + paint.yellow("attendance not recorded")) }
        return out
    }

    /// Renders the report; `colour` adds ANSI colour (only when writing to a terminal).
    public static func render(_ report: StatusReport, colour: Bool) -> String {
        let paint = Paint(enabled: colour)
        var out = [paint.bold("\(report.title) — status as of \(report.asOf)"), ""]
        for s in report.sessions { out += session(s, paint: paint) }
        out.append("")
        out.append(paint.bold("Open actions") + (report.openActions.isEmpty ? ": none" : ""))
        for a in report.openActions {
            let late = a.daysOverdue > 0 ? "  " + paint.red("OVERDUE \(Plural.count(a.daysOverdue, "day"))") : ""
            out.append("  \(a.id.padding(4)) \(a.owner.padding(8)) due \(a.due) (\(a.session))\(late)")
            out += Wrap.lines(a.text, width: 73).map { "       " + $0 }
        }
        if !report.toActOn.isEmpty {
            out.append("")
            out.append(paint.bold("To act on") + " (\(report.toActOn.count))")
            for decline in report.toActOn {
                let name = report.sessions.first { $0.id == decline.session }?.attendees.first { $0.id == decline.member }?.name ?? decline.member
                out += Wrap.lines(decline.text(name: name), width: 76).map { "    " + paint.red($0) }
            }
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
