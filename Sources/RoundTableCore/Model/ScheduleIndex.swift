import CalendarTime

/// The look-ups the rules make once per session or per action (a member or session by id, the
/// seminar that caps a session, the next session after a day), built once with the schedule, so
/// that a long series costs time in proportion to its length rather than to its square.
struct ScheduleIndex: Sendable {
    private let members: [String: Int]
    private let sessions: [String: Int]
    /// For each session id, the first seminar (not cancelled) whose `requires` names it.
    private let seminarRequiring: [String: Int]
    /// The first seminar (not cancelled) that requires nothing: it caps every other session.
    private let seminarRequiringNothing: Int?
    /// The first possible day of every session not cancelled, sorted.
    private let days: [LocalDate]

    init(members: [Member], sessions: [Session]) {
        self.members = Self.positions(of: members.map(\.id))
        self.sessions = Self.positions(of: sessions.map(\.id))
        var requiring: [String: Int] = [:]
        var requiringNothing: Int?
        for (index, session) in sessions.enumerated() where session.kind == .seminar && !session.isCancelled {
            if session.requires.isEmpty, requiringNothing == nil { requiringNothing = index }
            for id in session.requires where requiring[id] == nil { requiring[id] = index }
        }
        seminarRequiring = requiring
        seminarRequiringNothing = requiringNothing
        days = sessions.filter { !$0.isCancelled }.map(\.timing.earliestDay).sorted()
    }

    /// Where the first member with this id is in the schedule's list.
    func member(_ id: String) -> Int? { members[id] }

    /// Where the first session with this id is in the schedule's list.
    func session(_ id: String) -> Int? { sessions[id] }

    /// Where the seminar capping a session is: the first that requires it, else the first that
    /// requires nothing.
    func seminar(capping id: String) -> Int? { seminarRequiring[id] ?? seminarRequiringNothing }

    /// The first possible day of the earliest session not cancelled that starts after `day`.
    func firstDay(after day: LocalDate) -> LocalDate? {
        var low = 0, high = days.count
        while low < high {
            let middle = (low + high) / 2
            if days[middle] > day { high = middle } else { low = middle + 1 }
        }
        return low < days.count ? days[low] : nil
    }

    /// Each id's first position: a later duplicate (which `check` reports) never shadows it.
    private static func positions(of ids: [String]) -> [String: Int] {
        var positions: [String: Int] = [:]
        positions.reserveCapacity(ids.count)
        for (index, id) in ids.enumerated() where positions[id] == nil { positions[id] = index }
        return positions
    }
}

/// Made from the schedule's own members and sessions, the index says nothing they do not: two
/// schedules are equal, and hash alike, by those alone.
extension ScheduleIndex: Hashable {
    static func == (_: ScheduleIndex, _: ScheduleIndex) -> Bool { true }
    func hash(into _: inout Hasher) {}
}
