import CalendarTime

/// Plans that load but cannot work as written: `check` warns and still exits 0.
public enum PlanWarnings {
    /// One message per problem, with the session it belongs to.
    public static func find(in schedule: Schedule) -> [(session: String, message: String)] {
        var found: [(String, String)] = []
        let planned = Timeline.compute(schedule, completions: [])
        for timeline in planned {
            let session = timeline.session
            if session.stages.contains(.writeup) && session.rapporteurs.isEmpty && !session.isCancelled {
                found.append((session.id, "Session '\(session.id)' has a writeup stage but no rapporteur to write it up."))
            }
            if session.stages.contains(.disseminate), let cap = Timeline.papersDeadline(for: session, in: schedule),
               let writeup = timeline.deadline(.writeup) {
                let uncapped = schedule.policy.disseminateWithin.after(writeup.due)
                if uncapped > cap {
                    found.append((session.id, "Dissemination of '\(session.id)' would fall due on \(uncapped), after the seminar papers deadline \(cap); it is due on \(cap) instead, \(writeup.due.days(until: cap)) days after its write-up is due."))
                }
            }
        }
        for (a, b) in overlaps(in: schedule) {
            found.append((b.id, "Session '\(b.id)' overlaps '\(a.id)' (\(SessionText.when(a, zone: schedule.zone)))."))
        }
        return found
    }

    /// Every pair of fixed sessions (not cancelled) whose times overlap, the earlier listed first,
    /// in schedule order of the first, then of the second. Times are compared as instants: across
    /// a change of the clocks, clock faces an hour apart may be the same moment, or not.
    ///
    /// A sweep in order of start: a session can only overlap those started before it and not yet
    /// ended, so a long series costs its sort, not a comparison of every pair.
    static func overlaps(in schedule: Schedule) -> [(Session, Session)] {
        let fixed = schedule.sessions.enumerated().compactMap { position, s -> (position: Int, start: Int, end: Int)? in
            guard !s.isCancelled, let start = s.timing.start else { return nil }
            return (position, schedule.zone.instant(of: start), s.duration.instant(after: start, in: schedule.zone))
        }
        var pairs: [(Int, Int)] = []
        var running: [(position: Int, start: Int, end: Int)] = []
        for b in fixed.sorted(by: { ($0.start, $0.position) < ($1.start, $1.position) }) {
            running.removeAll { $0.end <= b.start }
            for a in running where a.start < b.end && b.start < a.end {
                pairs.append((min(a.position, b.position), max(a.position, b.position)))
            }
            running.append(b)
        }
        return pairs.sorted { $0 < $1 }.map { (schedule.sessions[$0.0], schedule.sessions[$0.1]) }
    }

    /// Open actions whose owner does not belong to the group on the day they are due: no one
    /// would be reminded of them. One message per action, with the owner it belongs under.
    public static func departedOwners(in schedule: Schedule, actions: [Action]) -> [(member: String, message: String)] {
        actions.filter(\.isOpen).compactMap { action in
            guard let owner = schedule.member(action.owner), !owner.belongs(on: action.due) else { return nil }
            return (owner.id, "Action \(action.id) (open, due \(action.due)) is owned by '\(owner.id)', who is not a member then "
                + "(\(owner.membership)); give it to someone else with 'roundtable action edit \(action.id) --owner ID', or drop it.")
        }
    }
}
