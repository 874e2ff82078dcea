import CalendarTime
import RoundTableCore

/// The email that takes a session's agreed write-up to one member: the dissemination stage.
public enum FindingsMessage {
    /// `writtenUp` is the day the write-up was agreed: part of the Message-ID, so a second run
    /// resends the same message, recognisably, and a later revision is a new one.
    public static func make(_ session: Session, to member: Member, in schedule: Schedule, writeup: String,
                            writtenUp: LocalDate, stamp: Int) throws -> MailMessage {
        let when = SessionText.when(session, zone: schedule.zone)
        let intro = """
        Dear \(member.name),

        Here are the findings of the \(SessionText.kindName(session)) "\(session.subject)" \
        (\(when)\(session.location.map { ", \($0)" } ?? "")), agreed on \(writtenUp).
        The write-up is below and attached.

        \(schedule.organiser.name)
        \(schedule.series.title)

        ----------------------------------------------------------------------

        """
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
