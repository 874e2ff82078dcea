import CalendarTime

/// Start, end and place of a session as an invitation sent them: what a reschedule changes
/// (and SEQUENCE follows), kept with each invitation so an update can say what it changed.
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

    /// What changed from `old` to this, as a person reads it: "moved from Thu 6 Dec 2012,
    /// 10:30–13:30 GMT to Thu 13 Dec 2012, 10:30–13:30 GMT", "place: Luton → Luton Town Hall".
    public func changes(since old: SessionFingerprint, zone: ZoneRules) -> [String] {
        var found: [String] = []
        if old.start != start || old.end != end {
            found.append("moved from \(SessionText.when(start: old.start, end: old.end, zone: zone)) to \(SessionText.when(start: start, end: end, zone: zone))")
        }
        if old.place != place {
            found.append("place: \(old.place.isEmpty ? "to be fixed" : old.place) → \(place.isEmpty ? "to be fixed" : place)")
        }
        return found
    }
}
