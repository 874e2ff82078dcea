import ICalendar

/// The VEVENT of a session, shared by the feed (PUBLISH) and invitations (REQUEST, CANCEL), so
/// both carry the same UID, times and text and merge in every client.
public enum SessionEvent {
    /// What an invitation adds to the published event.
    public struct Invitation {
        public let sequence: Int
        /// Everyone for a REQUEST; only the recipient for a CANCEL sent to someone no longer invited.
        public let attendees: [Member]
        public let openActions: [Action]
        public let cancelled: Bool
    }

    /// The event; an invitation adds SEQUENCE, ATTENDEEs and the open actions carried forward.
    public static func make(_ session: Session, in schedule: Schedule, start: LocalDateTime, zone: ZoneRules, stamp: LocalDateTime,
                            invitation: Invitation? = nil) -> Component {
        let cancelled = session.isCancelled || invitation?.cancelled == true
        let tzid = [Parameter("TZID", zone.identifier)]
        var e = Component("VEVENT")
        e.add("UID", .text(FeedBuilder.uid(of: session, in: schedule.series)))
        e.add("DTSTAMP", .utcDateTime(stamp))
        e.add("DTSTART", .localDateTime(start), tzid)
        e.add("DTEND", .localDateTime(end(session, start: start, zone: zone)), tzid)
        if let invitation { e.add("SEQUENCE", .integer(invitation.sequence)) }
        e.add("SUMMARY", .text(SessionText.title(session)))
        if let location = session.location { e.add("LOCATION", .text(location)) }
        var description = SessionText.description(session, in: schedule)
        if let actions = invitation?.openActions, !actions.isEmpty {
            description += "\n\nOpen actions carried forward:\n" + actions.map { "- \($0.id) (\($0.owner), due \($0.due)): \($0.text)" }.joined(separator: "\n")
        }
        e.add("DESCRIPTION", .text(description))
        e.add("ORGANIZER", .calAddress("mailto:" + schedule.organiser.email), [Parameter("CN", schedule.organiser.name)])
        if invitation != nil {
            for member in schedule.attendees(of: session) {
                let role = session.facilitators.contains(member.id) ? "CHAIR" : "REQ-PARTICIPANT"
                e.add("ATTENDEE", .calAddress("mailto:" + member.email), [
                    Parameter("CN", member.name), Parameter("ROLE", role), Parameter("PARTSTAT", "NEEDS-ACTION"),
                    Parameter("RSVP", "TRUE"), Parameter("CUTYPE", "INDIVIDUAL"),
                ])
            }
        }
        e.add("STATUS", .text(cancelled ? "CANCELLED" : "CONFIRMED"))
        e.add("TRANSP", .text("OPAQUE"))
        if !cancelled {
            var alarm = Component("VALARM")
            alarm.add("ACTION", .text("DISPLAY"))
            alarm.add("TRIGGER", .duration("-P1D"))
            alarm.add("DESCRIPTION", .text("Tomorrow: " + SessionText.title(session)))
            e.components.append(alarm)
        }
        return e
    }

    /// The wall-clock end: start plus the duration in real elapsed time.
    public static func end(_ session: Session, start: LocalDateTime, zone: ZoneRules) -> LocalDateTime {
        zone.localTime(at: zone.instant(of: start) + session.duration.totalSeconds)
    }

    /// Start, end and place: what a reschedule changes.
    public static func fingerprint(_ session: Session, start: LocalDateTime, zone: ZoneRules) -> String {
        "\(start)|\(end(session, start: start, zone: zone))|\(session.location ?? "")"
    }

    /// Title and description as an invitation shows them.
    public static func content(_ session: Session, in schedule: Schedule) -> String {
        SessionText.title(session) + "\n" + SessionText.description(session, in: schedule)
    }
}
