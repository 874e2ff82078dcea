import CalendarTime

/// A person in the series: the organiser, facilitators, rapporteurs and attendees are all members.
public struct Member: Hashable, Sendable {
    public let id: String
    public let name: String
    public let email: String
    public let organisation: String?
    public let sector: Sector?
    /// The first day she belongs to the group; nil: from the start.
    public let joined: LocalDate?
    /// The day she left: she belongs up to the day before; nil: still a member.
    public let left: LocalDate?

    public init(id: String, name: String, email: String, organisation: String? = nil, sector: Sector? = nil,
                joined: LocalDate? = nil, left: LocalDate? = nil) {
        self.id = id
        self.name = name
        self.email = email
        self.organisation = organisation
        self.sector = sector
        self.joined = joined
        self.left = left
    }

    /// Whether she belongs to the group on a day: from `joined` up to the day before `left`.
    ///
    /// A member who has left stays a valid id for everything dated before (she was rapporteur,
    /// attended, owned an action); nothing dated on or after `left` is hers.
    public func belongs(on day: LocalDate) -> Bool {
        (joined.map { $0 <= day } ?? true) && (left.map { day < $0 } ?? true)
    }

    /// Her membership in words, for messages: "joined 2012-09-01", "left 2012-11-30".
    public var membership: String {
        [joined.map { "joined \($0)" }, left.map { "left \($0)" }].compactMap { $0 }.joined(separator: ", ")
    }
}

/// The learning group mixes sectors on purpose; the report counts attendance by sector.
public enum Sector: String, CaseIterable, Sendable {
    case `public`, `private`, voluntary
}
