import CalendarTime
import ICalendar

/// The iTIP calendar (RFC 5546) carried by one invitation message.
public enum InvitationCalendar {
    /// METHOD:REQUEST with every attendee, or METHOD:CANCEL naming the recipient, plus the
    /// VTIMEZONE its times need. Open actions from earlier sessions go into the description;
    /// the answers that stand for its SEQUENCE go into their ATTENDEE lines.
    public static func make(_ planned: PlannedInvitation, in schedule: Schedule, actions: [Action], replies: [Reply] = [],
                            stamp: LocalDateTime) throws -> Component {
        let session = planned.session
        guard let start = session.timing.start else { throw ICalendarError.invalid("session '\(session.id)' has no fixed start") }
        let zone = schedule.zone
        let cancel: SessionEvent.Invitation.Cancel? = planned.method == .request ? nil : planned.reason == .uninvited ? .attendee : .session
        var calendar = Component("VCALENDAR")
        calendar.add("PRODID", .text("-//roundtable//roundtable 1.0//EN"))
        calendar.add("VERSION", .text("2.0"))
        calendar.add("CALSCALE", .text("GREGORIAN"))
        calendar.add("METHOD", .text(planned.method.rawValue))
        calendar.components.append(TimeZoneComponent.make(zone, covering: start.date, through: start.date))
        calendar.components.append(SessionEvent.make(
            session, in: schedule, start: start, zone: zone, stamp: stamp,
            invitation: .init(sequence: planned.sequence,
                              attendees: cancel == .attendee ? [planned.attendee] : schedule.attendees(of: session),
                              openActions: cancel == nil ? CarriedActions.into(session, in: schedule, actions: actions) : [], cancel: cancel,
                              answers: StandingAnswers.of(session.id, at: planned.sequence, replies: replies))))
        return calendar
    }
}
