import CalendarTime

/// One thing an update changed since the version its recipient was sent, old → new: what the
/// update's text lists, so she need not compare two calendar entries to find it.
public struct SessionChange: Hashable, Sendable {
    /// The fields an invitation carries, in the order an update lists them.
    public enum Field: String, CaseIterable, Sendable {
        case title, time, place, facilitator, rapporteur, description, attendees
    }

    public let field: Field
    /// As she was sent it and as it is now, as a person reads them (empty: none).
    public let from: String
    public let to: String

    public init(field: Field, from: String, to: String) {
        self.field = field
        self.from = from
        self.to = to
    }

    /// Every field that differs between what `last` sent and the session as it is now.
    /// `attendeesBefore` are the names of those sent the session before this run,
    /// `attendeesNow` those invited now, both in schedule order.
    public static func between(sent last: InvitationRecord, now fingerprint: SessionFingerprint, content: String, zone: ZoneRules,
                               attendeesBefore: [String], attendeesNow: [String]) -> [SessionChange] {
        var found: [SessionChange] = []
        let old = ContentFields(last.content), new = ContentFields(content)
        if old.title != new.title { found.append(SessionChange(field: .title, from: old.title, to: new.title)) }
        if let before = SessionFingerprint(text: last.fingerprint) {
            if before.start != fingerprint.start || before.end != fingerprint.end {
                found.append(SessionChange(field: .time, from: SessionText.when(start: before.start, end: before.end, zone: zone),
                                           to: SessionText.when(start: fingerprint.start, end: fingerprint.end, zone: zone)))
            }
            if before.place != fingerprint.place { found.append(SessionChange(field: .place, from: before.place, to: fingerprint.place)) }
        }
        if old.facilitator != new.facilitator { found.append(SessionChange(field: .facilitator, from: old.facilitator, to: new.facilitator)) }
        if old.rapporteur != new.rapporteur { found.append(SessionChange(field: .rapporteur, from: old.rapporteur, to: new.rapporteur)) }
        // A new subject is a new title; the description's copy of the subject is not a second change.
        let oldRest = old.rest.filter { $0 != old.subject }, newRest = new.rest.filter { $0 != new.subject }
        if oldRest != newRest {
            found.append(SessionChange(field: .description, from: oldRest.joined(separator: " / "), to: newRest.joined(separator: " / ")))
        }
        if attendeesBefore != attendeesNow {
            found.append(SessionChange(field: .attendees, from: attendeesBefore.joined(separator: ", "), to: attendeesNow.joined(separator: ", ")))
        }
        return found
    }

    /// Title and description as `SessionEvent.content` wrote them, read back into fields.
    private struct ContentFields {
        var title = "", subject = "", facilitator = "", rapporteur = ""
        /// The description's other lines, blank ones left out.
        var rest: [String] = []

        init(_ content: String) {
            let lines = content.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            title = lines.first ?? ""
            subject = title.firstRange(of: ": ").map { String(title[$0.upperBound...]) } ?? title
            for line in lines.dropFirst() where !line.isEmpty {
                if line.hasPrefix("Facilitator: ") {
                    facilitator = String(line.dropFirst("Facilitator: ".count))
                } else if line.hasPrefix("Rapporteur: ") {
                    rapporteur = String(line.dropFirst("Rapporteur: ".count))
                } else {
                    rest.append(line)
                }
            }
        }
    }
}
