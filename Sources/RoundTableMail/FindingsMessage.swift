import CalendarTime
import RoundTableCore
import RoundTableDocuments

/// The email that takes a session's agreed write-up to one member: the dissemination stage.
public enum FindingsMessage {
    /// `writtenUp` is the day the write-up was agreed: part of the Message-ID, so a second run
    /// resends the same message, recognisably, and a later revision is a new one.
    public static func make(_ session: Session, to member: Member, in schedule: Schedule, writeup file: WriteupFile,
                            writtenUp: LocalDate, stamp: Int, templates: Templates) throws -> MailMessage {
        var context: [String: Any] = [
            "recipient": member.name,
            "kind": SessionText.kindName(session),
            "subject": session.subject,
            "when": SessionText.when(session, zone: schedule.zone),
            "agreed": writtenUp.description,
            "organiser": schedule.organiser.name,
            "series": schedule.series.title,
        ]
        if let location = session.location { context["location"] = location }
        let writeup = file.text
        let intro = templates.render(.findings, context)
        return MailMessage(
            from: try Address(name: schedule.organiser.name, email: schedule.organiser.email),
            to: try Address(name: member.name, email: member.email),
            subject: "Findings: \(SessionText.title(session))",
            date: stamp,
            messageID: "findings.\(session.id).\(writtenUp).\(StableHash.hex(writeup)).\(member.id).\(schedule.series.id)@\(schedule.series.uidDomain)",
            body: .multipart(subtype: "mixed", parts: [
                .text(intro + writeup),
                .attachment(filename: "\(session.id)-writeup.md", contentType: "text/markdown",
                            parameters: [("charset", "UTF-8")], data: Array(writeup.utf8)),
            ]))
    }
}
