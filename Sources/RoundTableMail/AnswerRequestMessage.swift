import CalendarTime
import ICalendar
import RoundTableCore
import RoundTableDocuments

/// The short request to answer an invitation (`ask-again`), with the invitation attached again
/// as it was sent (same UID and SEQUENCE), so the recipient's calendar offers to answer it.
public enum AnswerRequestMessage {
    public static func make(_ request: AnswerRequest, in schedule: Schedule, actions: [Action], asOf: LocalDate, stamp: Int,
                            templates: Templates) throws -> MailMessage {
        let planned = request.invitation
        let session = planned.session
        let calendar = try InvitationCalendar.make(planned, in: schedule, actions: actions,
                                                   stamp: LocalDateTime(secondsSinceEpoch: stamp)).serialized()
        let when = SessionText.when(session, zone: schedule.zone)
        let days = session.timing.start.map { asOf.days(until: $0.date) } ?? 0
        let context: [String: Any] = [
            "recipient": planned.attendee.name,
            "kind": SessionText.kindName(session),
            "title": SessionText.title(session),
            "when": when,
            "where": session.location ?? "to be fixed",
            "inDays": days == 0 ? "today" : days == 1 ? "tomorrow" : "in \(days) days",
            "facilitator": session.facilitators.compactMap(schedule.member).map(\.name).joined(separator: ", "),
            "rapporteur": session.rapporteurs.compactMap(schedule.member).map(\.name).joined(separator: ", "),
            "organiser": schedule.organiser.name,
            "series": schedule.series.title,
        ]
        return MailMessage(
            from: try MessageAddresses.address(schedule.organiser),
            to: try MessageAddresses.address(planned.attendee),
            subject: "Please answer: \(SessionText.title(session)) (\(session.location.map { "\($0), " } ?? "")\(when)) (\(schedule.series.title))",
            date: stamp,
            messageID: "answer.\(session.id).s\(planned.sequence).\(planned.attendee.id).\(schedule.series.id)@\(schedule.series.uidDomain)",
            extraHeaders: [("Auto-Submitted", "auto-generated")],
            body: .invitation(text: templates.render(.askAgain, context), calendar: calendar, method: planned.method.rawValue))
    }
}
