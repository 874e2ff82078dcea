import CalendarTime

/// Start, end and place of a session as an invitation sent them: what a reschedule changes
/// (and SEQUENCE follows), kept with each invitation so an update can say what it changed
/// (`SessionChange`).
public struct SessionFingerprint: Hashable, Sendable {
    public let start: LocalDateTime
    public let end: LocalDateTime
    public let place: String

    public init(start: LocalDateTime, end: LocalDateTime, place: String) {
        self.start = start
        self.end = end
        self.place = place
    }

    /// The session's fingerprint as the schedule now has it.
    public init(_ session: Session, start: LocalDateTime, zone: ZoneRules) {
        self.init(start: start, end: SessionEvent.end(session, start: start, zone: zone), place: session.location ?? "")
    }

    /// The stored form, "2012-10-26T10:30:00|2012-10-26T14:00:00|Poole".
    public var text: String { "\(start)|\(end)|\(place)" }

    /// Reads the stored form back; nil for anything else (the "cancelled" of a CANCEL sent).
    public init?(text: String) {
        let parts = text.split(separator: "|", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, let start = LocalDateTime(iso: String(parts[0])), let end = LocalDateTime(iso: String(parts[1])) else {
            return nil
        }
        self.init(start: start, end: end, place: String(parts[2]))
    }
}
