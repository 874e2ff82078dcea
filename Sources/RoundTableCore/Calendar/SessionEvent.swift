import CalendarTime
import ICalendar

/// The VEVENT of a session, shared by the feed (PUBLISH) and invitations (REQUEST, CANCEL), so
/// both carry the same UID, times and text and merge in every client.
public enum SessionEvent {
    /// What an invitation adds to the published event.
    public struct Invitation {
        public let sequence: Int
        /// Everyone invited, for a REQUEST or a cancelled session's CANCEL; only the recipient
        /// for a CANCEL to someone taken off the list (RFC 5546 §3.2.5).
        public let attendees: [Member]
        public let openActions: [Action]
        public let cancel: Cancel?
        /// Answers that stand for this SEQUENCE (`StandingAnswers`), by member id: written in
        /// their ATTENDEE lines with RSVP=FALSE, as they need not answer again.
        public let answers: [String: Reply.Answer]

        /// A CANCEL of the whole session (STATUS:CANCELLED), or to one attendee taken off the
        /// list (no STATUS: the session itself goes on).
        public enum Cancel: Sendable { case session, attendee }

        public init(sequence: Int, attendees: [Member], openActions: [Action], cancel: Cancel?, answers: [String: Reply.Answer] = [:]) {
            self.sequence = sequence
            self.attendees = attendees
            self.openActions = openActions
            self.cancel = cancel
            self.answers = answers
        }
    }

    /// The event; an invitation adds SEQUENCE, ATTENDEEs and the open actions carried forward.
    public static func make(_ session: Session, in schedule: Schedule, start: LocalDateTime, zone: ZoneRules, stamp: LocalDateTime,
                            invitation: Invitation? = nil) -> Component {
        let cancelled = session.isCancelled || invitation?.cancel == .session
        let uninvited = invitation?.cancel == .attendee
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
        if let invitation {
            for member in invitation.attendees {
                // The organiser attends what they organise, as Outlook writes it: a chair who has accepted.
                let organiser = member.id == schedule.series.organiser
                let role = organiser || session.facilitators.contains(member.id) ? "CHAIR" : "REQ-PARTICIPANT"
                let answer = organiser ? .accepted : invitation.answers[member.id]
                // A CANCEL asks nothing of anyone (RFC 5546 §3.2.5); a request asks only those whose answer does not stand.
                let asks = invitation.cancel == nil && answer == nil
                e.add("ATTENDEE", .calAddress("mailto:" + member.email), [
                    Parameter("CN", member.name), Parameter("ROLE", role), Parameter("PARTSTAT", answer?.rawValue ?? "NEEDS-ACTION"),
                    Parameter("RSVP", asks ? "TRUE" : "FALSE"), Parameter("CUTYPE", "INDIVIDUAL"),
                ])
            }
        }
        if !uninvited { e.add("STATUS", .text(cancelled ? "CANCELLED" : "CONFIRMED")) }
        e.add("TRANSP", .text("OPAQUE"))
        if !cancelled && !uninvited {
            var alarm = Component("VALARM")
            alarm.add("ACTION", .text("DISPLAY"))
            let (triggerValue, triggerParameters) = trigger(dayBefore: start, zone: zone)
            alarm.add("TRIGGER", triggerValue, triggerParameters)
            alarm.add("DESCRIPTION", .text("Tomorrow: " + SessionText.title(session)))
            e.components.append(alarm)
        }
        return e
    }

    /// The wall-clock end: start plus the duration, days nominal and hours exact (RFC 5545
    /// §3.3.6). `check` refuses an end that would fall in a change of the clocks, so it names
    /// one instant for every reader.
    public static func end(_ session: Session, start: LocalDateTime, zone: ZoneRules) -> LocalDateTime {
        zone.localTime(at: session.duration.instant(after: start, in: zone))
    }

    /// The alarm a day before the start: `-P1D` is the same local time the day before (RFC 5545
    /// §3.3.6), which readers place alike unless that time falls in a change of the clocks (a
    /// session at 01:30 the day after they go back): libical would take the later instant and
    /// RFC 5545 readers the earlier, so then the alarm's instant (the earlier) is written in UTC.
    private static func trigger(dayBefore start: LocalDateTime, zone: ZoneRules) -> (Value, [Parameter]) {
        let dayBefore = start.adding(seconds: -86_400)
        if case .unique = zone.resolve(dayBefore) { return (.duration("-P1D"), []) }
        return (.utcDateTime(LocalDateTime(secondsSinceEpoch: zone.instant(of: dayBefore))), [Parameter("VALUE", "DATE-TIME")])
    }

    /// Title and description as an invitation shows them.
    public static func content(_ session: Session, in schedule: Schedule) -> String {
        SessionText.title(session) + "\n" + SessionText.description(session, in: schedule)
    }
}
