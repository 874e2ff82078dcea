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
        var context = MessageFields.common(schedule, to: planned.attendee)
            .merging(MessageFields.session(session, in: schedule, today: asOf)) { common, _ in common }
        context["facilitator"] = session.facilitators.compactMap(schedule.member).map(\.name).joined(separator: ", ")
        context["rapporteur"] = session.rapporteurs.compactMap(schedule.member).map(\.name).joined(separator: ", ")
        return MailMessage(
            from: try MessageAddresses.address(schedule.organiser),
            to: try MessageAddresses.address(planned.attendee),
            subject: MessageFields.subject(templates, .askAgainSubject, context),
            date: stamp,
            messageID: "answer.\(session.id).s\(planned.sequence).\(planned.attendee.id).\(schedule.series.id)@\(schedule.series.uidDomain)",
            extraHeaders: [("Auto-Submitted", "auto-generated")],
            body: .invitation(text: templates.render(.askAgain, context), calendar: calendar, method: planned.method.rawValue))
    }
}
