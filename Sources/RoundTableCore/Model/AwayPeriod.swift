import CalendarTime

/// Regrets sent in advance (`roundtable away`): a member away from `from` to `to`, both days
/// included, counts as having declined every session that starts in the range.
public struct AwayPeriod: Hashable, Sendable {
    /// Member id.
    public let member: String
    public let from: LocalDate
    public let to: LocalDate
    /// What she gave as the reason, if anything ("on leave"); shown with her answer.
    public let reason: String?

    public init(member: String, from: LocalDate, to: LocalDate, reason: String?) {
        self.member = member
        self.from = from
        self.to = to
        self.reason = reason
    }

    /// Whether a session starting on `day` falls in the period.
    public func covers(_ day: LocalDate) -> Bool { from <= day && day <= to }

    /// How the period reads: "away 2026-12-20 to 2027-01-04 (on leave)".
    public var text: String { "away \(from) to \(to)" + (reason.map { " (\($0))" } ?? "") }
}
