import CalendarTime

/// The checks that need the whole schedule: ids that must exist or be unique, and local times
/// that must exist exactly once in the series' zone.
enum ScheduleReferences {
    static func check(_ schedule: Schedule, seriesNode: YAMLNode?, members: [(Member, YAMLNode)],
                      sessions: [(Session, YAMLReader.Entries)], _ r: inout YAMLReader) {
        let memberIDs = Set(members.map(\.0.id))
        let sessionIDs = Set(sessions.map(\.0.id))
        reportDuplicates(members.map { ($0.0.id, $0.1["id"]) }, "member", &r)
        reportDuplicates(sessions.map { ($0.0.id, $0.1["id"]) }, "session", &r)
        if !memberIDs.contains(schedule.series.organiser) {
            r.report(seriesNode?["organiser"], "Unknown member '\(schedule.series.organiser)' as organiser. Members are listed under 'members'."
                + didYouMean(schedule.series.organiser, among: members.map(\.0.id)))
        }
        for (session, nodes) in sessions {
            for key in ["facilitator", "rapporteur", "attendees"] {
                for (id, node) in listed(nodes[key]) where !(key == "attendees" && id == "all") {
                    guard let member = schedule.member(id) else {
                        r.report(node, "Unknown member '\(Excerpt.of(id))' as \(key) of session '\(session.id)'."
                            + didYouMean(id, among: members.map(\.0.id)))
                        continue
                    }
                    reportOutsideMembership(member, as: key, of: session, at: node, &r)
                }
            }
            for (id, node) in listed(nodes["requires"]) where !sessionIDs.contains(id) || id == session.id {
                r.report(node, id == session.id ? "Session '\(Excerpt.of(id))' cannot require itself."
                    : "Unknown session '\(Excerpt.of(id))' in 'requires' of '\(session.id)'." + didYouMean(id, among: sessions.map(\.0.id)))
            }
            if let organiser = schedule.member(schedule.series.organiser) {
                reportOutsideMembership(organiser, as: "organiser", of: session, at: seriesNode?["organiser"], &r)
            }
            if let start = session.timing.start {
                switch schedule.zone.resolve(start) {
                case .gap:
                    r.report(nodes["start"], "\(start) does not exist in \(schedule.zone.identifier): the clocks go forward over it.")
                case .overlap:
                    r.report(nodes["start"], "\(start) happens twice in \(schedule.zone.identifier) (the clocks go back); pick a time outside the change.")
                case .unique:
                    reportEndInAChange(of: session, from: start, zone: schedule.zone, at: nodes["duration"] ?? nodes["start"], &r)
                }
            }
        }
    }

    /// An end in a change of the clocks is refused as a start is: in the hour the clocks go back,
    /// libical reads a local time as the later instant and RFC 5545 readers (and those that,
    /// like recurring-ical-events, recompute the end from the start) as the earlier, so the session
    /// would show an hour short in some clients; a nominal end (`P1D`) in the skipped hour does
    /// not exist. Reported at the duration (or the start, when the default duration applies).
    private static func reportEndInAChange(of session: Session, from start: LocalDateTime, zone: ZoneRules, at node: YAMLNode?,
                                           _ r: inout YAMLReader) {
        let reached = session.duration.calendarPartAfter(start)
        let end = zone.localTime(at: session.duration.instant(after: start, in: zone))
        let change: String
        if case .gap = zone.resolve(reached) {
            change = "\(reached), which does not exist in \(zone.identifier) (the clocks go forward over it)"
        } else if case .overlap = zone.resolve(end) {
            change = "\(end), which happens twice in \(zone.identifier) (the clocks go back)"
        } else {
            return
        }
        r.report(node, "Session '\(session.id)' would end at \(change); calendar clients disagree about such times. "
            + "Change its start or its duration ('\(session.duration)').")
    }

    /// A member named on a session (or organising it) must belong to the group on its day: a
    /// departed member would be sent its invitation or its write-up reminders.
    private static func reportOutsideMembership(_ member: Member, as role: String, of session: Session, at node: YAMLNode?,
                                                _ r: inout YAMLReader) {
        guard !session.isCancelled, !member.belongs(on: session.timing.earliestDay) else { return }
        r.report(node, "Member '\(member.id)' is \(role) of session '\(session.id)' on \(session.timing.earliestDay), "
            + "when she is not a member (\(member.membership)). Name someone else, or change 'joined'/'left'.")
    }

    private static func listed(_ node: YAMLNode?) -> [(String, YAMLNode)] {
        guard let node else { return [] }
        return (node.sequence ?? [node]).compactMap { item in item.string.map { ($0, item) } }
    }

    private static func reportDuplicates(_ ids: [(String, YAMLNode?)], _ what: String, _ r: inout YAMLReader) {
        var seen: Set<String> = []
        for (id, node) in ids where !seen.insert(id).inserted {
            r.report(node, "Duplicate \(what) id '\(Excerpt.of(id))'.")
        }
    }
}
