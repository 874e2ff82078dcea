import CalendarTime
import RoundTableCore
import RoundTableDocuments

/// The one digest a member gets from a `remind` run.
public enum ReminderMessage {
    /// The organiser's address comes made: it is the same for every digest of a series.
    static func make(_ digest: Digest, from organiser: Address, in schedule: Schedule, asOf: LocalDate, stamp: Int,
                     templates: Templates) throws -> MailMessage {
        let owed = digest.reminders.filter(\.item.kind.isOwed)
        let sessions = digest.reminders.filter { !$0.item.kind.isOwed }
        let line = { (r: DueReminder) -> [String: Any] in ["text": r.item.text, "reason": r.reason] }
        var context: [String: Any] = [
            "recipient": digest.recipient.name,
            "series": schedule.series.title,
            "asOf": asOf.description,
            "hasOwed": !owed.isEmpty, "owed": owed.map(line),
            "hasSessions": !sessions.isEmpty, "sessions": sessions.map(line),
            "organiser": "\(schedule.organiser.name) <\(schedule.organiser.email)>",
            "hasOthers": !digest.othersOverdue.isEmpty,
            "others": digest.othersOverdue.map { item -> String in
                let who = item.owners.compactMap(schedule.member).map(\.name).joined(separator: ", ")
                return "\(item.kind == .action ? "\(item.item): " : "")\(item.text): \(who.isEmpty ? "no one" : who), "
                    + "\(item.daysOverdue) day\(item.daysOverdue == 1 ? "" : "s") overdue"
            },
        ]
        if digest.othersNotShown > 0 { context["othersNotShown"] = "and \(digest.othersNotShown) more: roundtable overdue lists them all." }
        context.merge(refusedContext(digest.refusedMessages)) { _, new in new }
        let late = owed.filter { $0.item.chasesWhenLate && $0.item.due < asOf }.count
        let refused = digest.refusedMessages.count
        let subject = late > 0 ? "Reminder: \(late) overdue, \(digest.reminders.count) in all (\(schedule.series.title))"
            : digest.reminders.isEmpty ? "\(refused) emailed \(refused == 1 ? "reply" : "replies") not counted (\(schedule.series.title))"
            : digest.reminders.count == 1 ? "Reminder: \(HeaderText.oneLine(digest.reminders[0].item.text))"
            : "Reminder: \(digest.reminders.count) items (\(schedule.series.title))"
        let keys = (digest.reminders.map { "\($0.item.key)@\($0.trigger)" } + digest.refusedMessages.map { "refused:\($0.mailbox)/\($0.item)" })
            .sorted().joined(separator: ",")
        return MailMessage(
            from: organiser,
            to: try MessageAddresses.address(digest.recipient),
            subject: subject,
            date: stamp,
            messageID: "remind.\(asOf).\(digest.recipient.id).\(StableHash.hex(keys)).\(schedule.series.id)@\(schedule.series.uidDomain)",
            extraHeaders: [("Auto-Submitted", "auto-generated")],
            body: .text(templates.render(.reminder, context)))
    }
}

extension ReminderMessage {
    /// The organiser's section on the replies `rsvp --mailbox` refused (`refused`, each with who
    /// sent it, its subject and date, and why, as `rsvp` said it), its own context field so the
    /// rest of the digest can change apart from it.
    static func refusedContext(_ refused: [RefusedMessage]) -> [String: Any] {
        let shown = { (text: String) in text.isEmpty ? "(none)" : HeaderText.oneLine(text) }
        return [
            "hasRefused": !refused.isEmpty,
            "refused": refused.map { message -> [String: Any] in
                ["from": shown(message.from), "subject": shown(message.subject), "date": shown(message.date), "reason": message.reason]
            },
        ]
    }

    /// Each digest's message made and rendered, in the digests' order, on every core: each is a
    /// function of its digest alone, and an organisation's run makes thousands. A digest whose
    /// message cannot be made holds the error, for the caller to meet in its turn, after the
    /// digests before it were sent as they would have been one by one.
    public static func envelopes(_ digests: [Digest], in schedule: Schedule, asOf: LocalDate, stamp: Int,
                                 templates: Templates) -> [Result<Envelope, any Error>] {
        let organiser = Result { try MessageAddresses.address(schedule.organiser) }
        return digests.concurrentMap { digest in
            Result { try Envelope(make(digest, from: organiser.get(), in: schedule, asOf: asOf, stamp: stamp, templates: templates)) }
        }
    }
}

/// Members as mail addresses.
enum MessageAddresses {
    static func address(_ member: Member) throws(MailError) -> Address { try Address(name: member.name, email: member.email) }
}
