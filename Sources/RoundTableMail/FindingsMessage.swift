import CalendarTime
import RoundTableCore
import RoundTableDocuments

/// The email that takes a session's agreed write-up to one member: the dissemination stage.
public enum FindingsMessage {
    /// `writtenUp` is the day the write-up was agreed: part of the Message-ID, so a second run
    /// resends the same message, recognisably, and a later revision is a new one. `today` is the
    /// day it is sent: days in its year are written without it.
    public static func make(_ session: Session, to member: Member, in schedule: Schedule, writeup file: WriteupFile,
                            writtenUp: LocalDate, today: LocalDate, stamp: Int, templates: Templates) throws -> MailMessage {
        var context = MessageFields.common(schedule, to: member)
            .merging(MessageFields.session(session, in: schedule, today: today)) { _, session in session }
        context["agreed"] = HumanDate.day(writtenUp, from: today)
        if let location = session.location { context["location"] = location }
        let writeup = file.text
        let intro = templates.render(.findings, context)
        return MailMessage(
            from: try Address(name: schedule.organiser.name, email: schedule.organiser.email),
            to: try Address(name: member.name, email: member.email),
            subject: MessageFields.subject(templates, .findingsSubject, context),
            date: stamp,
            messageID: "findings.\(session.id).\(writtenUp).\(StableHash.hex(writeup)).\(member.id).\(schedule.series.id)@\(schedule.series.uidDomain)",
            body: .multipart(subtype: "mixed", parts: [
                .text(intro + writeup),
                .attachment(filename: "\(session.id)-writeup.md", contentType: "text/markdown",
                            parameters: [("charset", "UTF-8")], data: Array(writeup.utf8)),
            ]))
    }
}
