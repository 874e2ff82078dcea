import RoundTableCore

/// Who a series report is for. Members get everything; the public (the closing seminar's
/// audience) gets a report without what the group keeps to itself: the write-up areas marked
/// "(group only)", and the names of members other than the organiser and the rapporteurs, who
/// speak for the group.
public enum ReportAudience: Sendable {
    case group
    case `public`

    /// Whether the audience may read this member's name.
    func names(_ id: String, in schedule: Schedule) -> Bool {
        self == .group || id == schedule.series.organiser || schedule.sessions.contains { $0.rapporteurs.contains(id) }
    }

    /// The member's name, or "a member" where the audience may not read it.
    public func name(of id: String, in schedule: Schedule) -> String {
        names(id, in: schedule) ? schedule.member(id)?.name ?? id : "a member"
    }

    /// Whether a write-up area is shown.
    func shows(_ area: WriteupFile.Area) -> Bool { self == .group || !area.isGroupOnly }
}
