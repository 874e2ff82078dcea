import CalendarTime

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

extension SessionText {
    /// When a session is, as a person reads it: weekday, date, start–end and the zone's
    /// abbreviation on that day ("Fri 20 Apr 2012, 10:30–13:30 BST"); a session without a fixed
    /// day says so ("no fixed date yet: between 7 Jan and 29 Mar 2013").
    ///
    /// `omittingYear`: the year a reader takes for granted (that of the message's day), left out
    /// of a fixed session's days when they are in it ("Thu 17 Sep, 10:30–13:30 BST").
    public static func when(_ session: Session, zone: ZoneRules, omittingYear: Int? = nil) -> String {
        switch session.timing {
        case .fixed(let start):
            return when(startInstant: zone.instant(of: start), endInstant: session.duration.instant(after: start, in: zone), zone: zone,
                        omittingYear: omittingYear)
        case .month(let year, let month):
            return "no fixed date yet: in \(monthNames[month - 1]) \(year)"
        case .window(let from, let to):
            let first = from.year == to.year ? "\(from.day) \(shortMonths[from.month - 1])" : shortDay(from)
            return "no fixed date yet: between \(first) and \(shortDay(to))"
        }
    }

    /// A start and end as an invitation once sent them (an update says what they were).
    public static func when(start: LocalDateTime, end: LocalDateTime, zone: ZoneRules) -> String {
        when(startInstant: zone.instant(of: start), endInstant: zone.instant(of: end), zone: zone)
    }

    /// Named from the instants, not the wall times: an end in the autumn overlap (01:00 on the
    /// night the clocks go back) happens twice, and only the instant says which.
    private static func when(startInstant: Int, endInstant: Int, zone: ZoneRules, omittingYear: Int? = nil) -> String {
        let start = zone.localTime(at: startInstant), end = zone.localTime(at: endInstant)
        let startName = zone.abbreviation(at: startInstant), endName = zone.abbreviation(at: endInstant)
        if end.date == start.date {
            let zones = startName == endName ? "\(clock(start))–\(clock(end)) \(endName)" : "\(clock(start)) \(startName)–\(clock(end)) \(endName)"
            return "\(day(start.date, omittingYear: omittingYear)), \(zones)"
        }
        return "\(day(start.date, omittingYear: omittingYear)), \(clock(start)) \(startName) – "
            + "\(day(end.date, omittingYear: omittingYear)), \(clock(end)) \(endName)"
    }

    /// "Fri 20 Apr 2012"; "Fri 20 Apr" when its year is `omittingYear`.
    public static func day(_ date: LocalDate, omittingYear: Int? = nil) -> String {
        date.year == omittingYear ? "\(weekdays[date.isoWeekday - 1]) \(date.day) \(shortMonths[date.month - 1])"
            : "\(weekdays[date.isoWeekday - 1]) \(shortDay(date))"
    }

    private static func shortDay(_ date: LocalDate) -> String { "\(date.day) \(shortMonths[date.month - 1]) \(date.year)" }

    private static func clock(_ t: LocalDateTime) -> String { "\(pad2(t.hour)):\(pad2(t.minute))" }

    private static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    private static let shortMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
}
