import CalendarTime
import RoundTableCore
import RoundTableDocuments

/// The one digest a member gets from a `remind` run.
public enum ReminderMessage {
    /// The organiser's address comes made: it is the same for every digest of a series.
    static func make(_ digest: Digest, from organiser: Address, in schedule: Schedule, asOf: LocalDate, stamp: Int,
                     templates: Templates) throws -> MailMessage {
        let owed = digest.reminders.filter(\.item.kind.isOwed)
        let sessions = digest.reminders.filter { $0.item.kind == .session }
        let line = { (r: DueReminder) -> [String: Any] in ["text": r.item.text, "reason": r.reason] }
        let declines = digest.reminders.compactMap { r -> [String: Any]? in
            guard case .declinedRole(let decline) = r.item.kind else { return nil }
            return ["member": schedule.member(decline.member)?.name ?? decline.member, "role": decline.role.rawValue,
                    "answer": decline.answer, "reference": decline.session]
                .merging(sessionFields(decline.session, in: schedule)) { a, _ in a }
        }
        let quorum = digest.reminders.compactMap { r -> [String: Any]? in
            guard case .quorum(let shortfall) = r.item.kind else { return nil }
            let names = { (ids: [String]) in ids.map { schedule.member($0)?.name ?? $0 }.joined(separator: ", ") }
            return ["needed": shortfall.needed, "acceptedCount": shortfall.accepted.count, "accepted": names(shortfall.accepted),
                    "noAnswer": names(shortfall.noAnswer), "reference": shortfall.session]
                .merging(sessionFields(shortfall.session, in: schedule)) { a, _ in a }
        }
        var context: [String: Any] = [
            "recipient": digest.recipient.name,
            "series": schedule.series.title,
            "asOf": asOf.description,
            "hasOwed": !owed.isEmpty, "owed": owed.map(line),
            "hasSessions": !sessions.isEmpty, "sessions": sessions.map(line),
            "hasDeclines": !declines.isEmpty, "declines": declines,
            "hasQuorum": !quorum.isEmpty, "quorum": quorum,
            "organiser": "\(schedule.organiser.name) <\(schedule.organiser.email)>",
            "hasOthers": !digest.othersOverdue.isEmpty,
            "others": digest.othersOverdue.map { item -> String in
                let who = item.owners.compactMap(schedule.member).map(\.name).joined(separator: ", ")
                return "\(item.kind == .action ? "\(item.item): " : "")\(item.text): \(who.isEmpty ? "no one" : who), "
                    + "\(item.daysOverdue) day\(item.daysOverdue == 1 ? "" : "s") overdue"
            },
        ]
        if digest.othersNotShown > 0 { context["othersNotShown"] = "and \(digest.othersNotShown) more: roundtable overdue lists them all." }
        let late = owed.filter { $0.item.chasesWhenLate && Overdue.days(due: $0.item.due, asOf: asOf) > 0 }.count
        let subject = late > 0 ? "Reminder: \(late) overdue, \(digest.reminders.count) in all (\(schedule.series.title))"
            : digest.reminders.count == 1 ? "Reminder: \(HeaderText.oneLine(digest.reminders[0].item.text))"
            : "Reminder: \(digest.reminders.count) items (\(schedule.series.title))"
        let keys = digest.reminders.map { "\($0.item.key)@\($0.trigger)" }.sorted().joined(separator: ",")
        return MailMessage(
            from: organiser,
            to: try MessageAddresses.address(digest.recipient),
            subject: subject,
            date: stamp,
            messageID: "remind.\(asOf).\(digest.recipient.id).\(StableHash.hex(keys)).\(schedule.series.id)@\(schedule.series.uidDomain)",
            extraHeaders: [("Auto-Submitted", "auto-generated")],
            body: .text(templates.render(.reminder, context)))
    }

    /// A session's title, day and place for a section of the organiser's digest, each entry
    /// self-contained so a template can move it.
    static func sessionFields(_ id: String, in schedule: Schedule) -> [String: Any] {
        guard let session = schedule.session(id) else { return ["title": id, "when": "", "where": ""] }
        return ["title": SessionText.title(session), "when": SessionText.when(session, zone: schedule.zone),
                "where": session.location ?? "to be fixed"]
    }
}

extension ReminderMessage {
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
