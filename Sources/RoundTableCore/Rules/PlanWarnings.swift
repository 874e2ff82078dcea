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
        let fixed = schedule.sessions.compactMap { s -> (Session, Int, Int)? in
            guard !s.isCancelled, let start = s.timing.start else { return nil }
            return (s, start.secondsSinceEpoch, start.secondsSinceEpoch + s.duration.totalSeconds)
        }
        for (i, a) in fixed.enumerated() {
            for b in fixed[(i + 1)...] where a.1 < b.2 && b.1 < a.2 {
                found.append((b.0.id, "Session '\(b.0.id)' overlaps '\(a.0.id)' (\(SessionText.when(a.0, zone: schedule.zone)))."))
            }
        }
        return found
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
