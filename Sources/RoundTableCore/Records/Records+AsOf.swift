import CalendarTime

extension Records {
    /// The records as they stood at the end of `day` (in the series' zone): what `status`,
    /// `overdue`, `report` and `action list` show with `--as-of`.
    ///
    /// A record counts from the day it says it happened (a stage's done day, a change's day, a
    /// reply's DTSTAMP, a message's sending), which is never after it was recorded; an action,
    /// from the day it was added (one recorded before roundtable kept that instant: from its
    /// session's day). So a session held after `day` is not yet held, an action added later is
    /// absent, and one done, dropped or edited later is shown as it was before. Attendance goes
    /// with the hold it was recorded with. A reply replaced after `day` is not shown at all:
    /// only each member's latest answer is kept.
    public func asOf(_ day: LocalDate, in schedule: Schedule) -> Records {
        let zone = schedule.zone
        let dayOf = { (instant: LocalDateTime) in zone.localTime(at: instant.secondsSinceEpoch).date }
        var view = self
        view.completions = completions.filter { $0.on <= day }
        let held = Set(view.completions.filter { $0.stage == .hold }.map(\.session))
        view.attendance = attendance.filter { held.contains($0.session) }
        view.actions = actions.compactMap { action in
            let from = action.recorded.map(dayOf) ?? schedule.session(action.session)?.timing.earliestDay
            guard from.map({ $0 <= day }) ?? true else { return nil }
            return action.asOf(day)
        }
        view.replies = replies.filter { dayOf($0.stamp) <= day }
        view.invitations = invitations.filter { dayOf($0.at) <= day }
        view.ledger = ledger.filter { dayOf($0.at) <= day }
        return view
    }
}

extension Action {
    /// The action as it stood at the end of `day`: later changes undone, newest first, and a
    /// later done or drop not yet made.
    public func asOf(_ day: LocalDate) -> Action {
        var view = self
        for change in history.reversed() where change.on > day {
            switch change.field {
            case .text: view.text = change.before
            case .owner: view.owner = change.before
            case .due: if let before = LocalDate(iso: change.before) { view.due = before }
            }
        }
        view.history = history.filter { $0.on <= day }
        if let done, done > day { view.done = nil }
        if let dropped, dropped.on > day { view.dropped = nil }
        return view
    }
}
