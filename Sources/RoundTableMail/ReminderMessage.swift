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
        let notes = digest.reminders.filter { if case .note = $0.item.kind { true } else { false } }
        let changes = digest.reminders.filter(\.item.kind.isChange)
        let membership = digest.reminders.filter(\.item.kind.isMembership)
        let line = { (r: DueReminder) -> [String: Any] in ["text": r.item.text, "reason": r.reason] }
        var context: [String: Any] = [
            "recipient": digest.recipient.name,
            "series": schedule.series.title,
            "asOf": asOf.description,
            "hasOwed": !owed.isEmpty, "owed": owed.map(line),
            "hasSessions": !sessions.isEmpty, "sessions": sessions.map(line),
            "hasNotes": !notes.isEmpty, "notes": notes.map(line),
            "hasChanges": !changes.isEmpty, "changes": changes.map(line),
            // A welcome or farewell alone is not a reminder: no "this is your reminder", nothing to tell anyone.
            "welcomeOrFarewellOnly": !digest.reminders.contains { !$0.item.kind.isMembershipChange || $0.item.kind.isMembership },
            "hasMembership": !membership.isEmpty, "membership": membership.map(\.item.text),
            "organiser": "\(schedule.organiser.name) <\(schedule.organiser.email)>",
            "hasOthers": !digest.othersOverdue.isEmpty,
            "others": digest.othersOverdue.map { item -> String in
                let who = item.owners.compactMap(schedule.member).map(\.name).joined(separator: ", ")
                return "\(item.kind == .action ? "\(item.item): " : "")\(item.text): \(who.isEmpty ? "no one" : who), "
                    + "\(item.daysOverdue) day\(item.daysOverdue == 1 ? "" : "s") overdue"
            },
        ]
        if let welcome = digest.welcome {
            context["welcome"] = [
                "group": welcome.group, "coordinator": welcome.coordinator,
                "hasInvited": !welcome.invitedTo.isEmpty, "invited": welcome.invitedTo,
                "hasHeld": !welcome.held.isEmpty,
                "held": welcome.held.map { held -> [String: Any] in
                    var line: [String: Any] = ["line": held.line]
                    line["findingsSent"] = held.findingsSent
                    return line
                },
                "hasActions": !welcome.actions.isEmpty, "actions": welcome.actions,
            ] as [String: Any]
        }
        if let overview = digest.overview {
            context["overview"] = [
                "hasLate": !overview.late.isEmpty, "late": overview.late,
                "nextSession": overview.nextSession ?? "", "hasNext": overview.nextSession != nil,
                "hasAnswers": !overview.answers.isEmpty, "answers": overview.answers,
                "hasComing": !overview.comingWeek.isEmpty, "coming": overview.comingWeek,
            ] as [String: Any]
        }
        if let farewell = digest.farewell {
            context["farewell"] = ["group": farewell.group, "coordinator": farewell.coordinator,
                                   "hasActions": !farewell.openActions.isEmpty, "actions": farewell.openActions] as [String: Any]
        }
        if digest.othersNotShown > 0 { context["othersNotShown"] = "and \(digest.othersNotShown) more: roundtable overdue lists them all." }
        let late = owed.filter { $0.item.chasesWhenLate && $0.item.due < asOf }.count
        // A welcome, farewell or overview names the message when nothing else is in it, and is not counted as an item.
        let items = digest.reminders.filter { !$0.item.kind.isMembershipChange || $0.item.kind.isMembership }.filter { $0.item.kind != .overview }
        let subject = digest.welcome != nil ? "Welcome to the \(schedule.series.title)"
            : digest.farewell != nil ? "Thank you from the \(schedule.series.title)"
            : items.isEmpty ? "Weekly overview (\(schedule.series.title))"
            : late > 0 ? "Reminder: \(late) overdue, \(items.count) in all (\(schedule.series.title))"
            : items.count == 1 ? "Reminder: \(HeaderText.oneLine(items[0].item.text))"
            : "Reminder: \(items.count) items (\(schedule.series.title))"
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
