/// A person in the series: the organiser, facilitators, rapporteurs and attendees are all members.
public struct Member: Hashable, Sendable {
    public let id: String
    public let name: String
    public let email: String
    public let organisation: String?
    public let sector: Sector?

    public init(id: String, name: String, email: String, organisation: String? = nil, sector: Sector? = nil) {
        self.id = id
        self.name = name
        self.email = email
        self.organisation = organisation
        self.sector = sector
    }
}

/// The learning group mixes sectors on purpose; the report counts attendance by sector.
public enum Sector: String, CaseIterable, Sendable {
    case `public`, `private`, voluntary
}
