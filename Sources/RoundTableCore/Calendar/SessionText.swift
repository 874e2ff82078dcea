/// The words that describe a session wherever it appears: calendar entries, tables, messages.
public enum SessionText {
    /// "Round table: Localism".
    public static func title(_ session: Session) -> String {
        let kind = kindName(session)
        return "\(kind.prefix(1).uppercased() + kind.dropFirst()): \(session.subject)"
    }

    /// "round table", "meeting", "seminar", as a sentence uses it.
    public static func kindName(_ session: Session) -> String {
        switch session.kind {
        case .meeting: return "meeting"
        case .roundtable: return "round table"
        case .seminar: return "seminar"
        }
    }

    /// The body of a session's calendar entry: who leads it and what it covers.
    public static func description(_ session: Session, in schedule: Schedule) -> String {
        var lines = [schedule.series.title, "", session.subject]
        let facilitators = session.facilitators.compactMap(schedule.member).map(\.name)
        let rapporteurs = session.rapporteurs.compactMap(schedule.member).map(\.name)
        if !facilitators.isEmpty { lines.append("Facilitator: " + facilitators.joined(separator: ", ")) }
        if !rapporteurs.isEmpty { lines.append("Rapporteur: " + rapporteurs.joined(separator: ", ")) }
        if session.kind == .roundtable, !schedule.series.discussionAreas.isEmpty {
            lines.append("Discussion areas: " + schedule.series.discussionAreas.joined(separator: "; "))
        }
        lines.append("Organiser: \(schedule.organiser.name) <\(schedule.organiser.email)>")
        return lines.joined(separator: "\n")
    }

    /// "Due: write-up of rt4 (Balancing operational…)".
    public static func deadlineTitle(_ stage: Stage, _ session: Session) -> String { "Due: " + task(stage, session) }

    /// "write-up of rt4 (Balancing operational…)": the stage as a job someone owes.
    public static func task(_ stage: Stage, _ session: Session) -> String {
        let what: String
        switch stage {
        case .plan: what = "plan and invite"
        case .hold: what = "hold"
        case .writeup: what = "write-up of"
        case .disseminate: what = "disseminate findings of"
        }
        return "\(what) \(session.id) (\(session.subject))"
    }

    /// What done means, and whose it is.
    public static func deadlineDescription(_ stage: Stage, _ session: Session, owners: [Member]) -> String {
        let who = owners.isEmpty ? "no one (add a rapporteur to the schedule)" : owners.map(\.name).joined(separator: ", ")
        return "\(stage.label) stage of \(session.id): \(stage.meaning).\nOwner: \(who)"
    }
}
