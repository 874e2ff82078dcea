import CalendarTime

/// Something late as of a date, and who must act on it.
public struct OverdueItem: Hashable, Sendable, Codable {
    /// A stage of a session not recorded done, or an open action.
    public enum Kind: String, Hashable, Sendable, Codable { case stage, action }

    public let kind: Kind
    public let session: String
    /// The stage name, or the action id.
    public let item: String
    public let text: String
    public let due: LocalDate
    public let daysOverdue: Int
    /// Member ids.
    public let owners: [String]
}

/// The overdue list: stages not done and open actions, from the day after they were due.
public enum Overdue {
    /// How many days late work due on `due` and still owed is as of a day: none up to and on the
    /// due day, one the day after, and so on. The one rule of "overdue": the overdue list,
    /// status, the timeline picture and the reminders all ask here.
    public static func days(due: LocalDate, asOf: LocalDate) -> Int {
        max(0, due.days(until: asOf))
    }

    /// Most overdue first; ties in schedule order.
    public static func items(_ schedule: Schedule, timelines: [SessionTimeline], actions: [Action], asOf: LocalDate) -> [OverdueItem] {
        var found: [OverdueItem] = []
        for timeline in timelines {
            for deadline in timeline.stages where deadline.daysOverdue(asOf: asOf) > 0 {
                found.append(OverdueItem(
                    kind: .stage, session: timeline.session.id, item: deadline.stage.rawValue,
                    text: SessionText.task(deadline.stage, timeline.session),
                    due: deadline.due, daysOverdue: deadline.daysOverdue(asOf: asOf),
                    owners: schedule.owners(of: deadline.stage, in: timeline.session).map(\.id)))
            }
        }
        for action in actions where action.daysOverdue(asOf: asOf) > 0 {
            found.append(OverdueItem(kind: .action, session: action.session, item: action.id, text: action.text,
                                     due: action.due, daysOverdue: action.daysOverdue(asOf: asOf), owners: [action.owner]))
        }
        return found.enumerated().sorted { a, b in
            a.element.daysOverdue != b.element.daysOverdue ? a.element.daysOverdue > b.element.daysOverdue : a.offset < b.offset
        }.map(\.element)
    }
}
