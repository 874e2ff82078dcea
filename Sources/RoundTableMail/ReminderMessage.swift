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
        let late = owed.filter { $0.item.chasesWhenLate && $0.item.due < asOf }.count
        let owedLines = owed.map { line($0.item, in: schedule, asOf: asOf) }
        let sessionLines = sessions.map { line($0.item, in: schedule, asOf: asOf) }
        let lines = owedLines + sessionLines
        let declines = digest.reminders.compactMap { r -> [String: Any]? in
            guard case .declinedRole(let decline) = r.item.kind else { return nil }
            return ["member": schedule.member(decline.member)?.name ?? decline.member, "role": decline.role.rawValue,
                    "answer": decline.answer, "session": sessionFields(decline.session, in: schedule, today: asOf)]
        }
        let quorum = digest.reminders.compactMap { r -> [String: Any]? in
            guard case .quorum(let shortfall) = r.item.kind else { return nil }
            let names = { (ids: [String]) in ids.map { schedule.member($0)?.name ?? $0 }.joined(separator: ", ") }
            return ["needed": String(shortfall.needed), "acceptedCount": String(shortfall.accepted.count),
                    "accepted": names(shortfall.accepted), "noAnswer": names(shortfall.noAnswer),
                    "session": sessionFields(shortfall.session, in: schedule, today: asOf)]
        }
        let notes = digest.reminders.filter { if case .note = $0.item.kind { true } else { false } }
        let changes = digest.reminders.filter(\.item.kind.isChange)
        let membership = digest.reminders.filter(\.item.kind.isMembership)
        let news = { (r: DueReminder) -> [String: Any] in ["text": r.item.text, "detail": r.reason] }
        // A welcome, farewell or overview names the message when nothing else is in it, and is not counted as an item.
        let items = digest.reminders.filter { (!$0.item.kind.isMembershipChange || $0.item.kind.isMembership) && $0.item.kind != .overview }
        var context = MessageFields.common(schedule, to: digest.recipient)
        context["hasNotes"] = !notes.isEmpty
        context["notes"] = notes.map(news)
        context["hasChanges"] = !changes.isEmpty
        context["changes"] = changes.map(news)
        // A welcome or farewell alone is not a reminder: no "a reminder from", nothing to tell anyone.
        context["welcomeOrFarewellOnly"] = !digest.reminders.contains { !$0.item.kind.isMembershipChange || $0.item.kind.isMembership }
        context["hasMembership"] = !membership.isEmpty
        context["membership"] = membership.map(\.item.text)
        context["welcomeSubject"] = digest.welcome != nil
        context["farewellSubject"] = digest.farewell != nil
        context["overviewOnly"] = items.isEmpty && digest.overview != nil
        context["refusedOnly"] = items.isEmpty && digest.overview == nil && !digest.refusedMessages.isEmpty
        context["refusedCount"] = String(digest.refusedMessages.count)
        context["refusedMany"] = digest.refusedMessages.count > 1
        context.merge(refusedContext(digest.refusedMessages)) { _, new in new }
        context["hasOwed"] = !owed.isEmpty
        context["owed"] = owedLines
        context["hasSessions"] = !sessions.isEmpty
        context["sessions"] = sessionLines
        context["hasDeclines"] = !declines.isEmpty
        context["declines"] = declines
        context["hasQuorum"] = !quorum.isEmpty
        context["quorum"] = quorum
        context["hasOthers"] = !digest.othersOverdue.isEmpty
        context["lateWithOthers"] = digest.othersOverdue.map { item -> [String: Any] in
            MessageFields.task(item.kind == .action ? .action(item.item) : Stage(rawValue: item.item).map { .stage($0) } ?? .attendance,
                               text: item.text, session: schedule.session(item.session), due: item.due, owners: item.owners,
                               in: schedule, today: asOf)
        }
        if digest.othersNotShown > 0 { context["moreLate"] = String(digest.othersNotShown) }
        context["single"] = items.count == 1 && lines.count == 1 ? lines[0] : false
        context["hasLate"] = late > 0
        context["lateCount"] = String(late)
        context["hasSoon"] = lines.count > late
        context["soonCount"] = String(lines.count - late)
        // Besides the lines: what the organiser has to act on (declines, quorum), then news (notes,
        // changes, joining and leaving).
        let actCount = declines.count + quorum.count
        let newsCount = items.count - lines.count - actCount
        context["hasAct"] = actCount > 0
        context["actCount"] = String(actCount)
        context["hasNews"] = newsCount > 0
        context["newsCount"] = String(newsCount)
        context["newsMany"] = newsCount > 1
        context["hasLines"] = !lines.isEmpty
        context["hasLinesOrAct"] = !lines.isEmpty || actCount > 0
        if let welcome = digest.welcome {
            context["welcome"] = [
                "coordinator": welcome.coordinator,
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
            context["farewell"] = ["coordinator": farewell.coordinator,
                                   "hasActions": !farewell.openActions.isEmpty, "actions": farewell.openActions] as [String: Any]
        }
        let keys = (digest.reminders.map { "\($0.item.key)@\($0.trigger)" } + digest.refusedMessages.map { "refused:\($0.mailbox)/\($0.item)" })
            .sorted().joined(separator: ",")
        return MailMessage(
            from: organiser,
            to: try MessageAddresses.address(digest.recipient),
            subject: MessageFields.subject(templates, .reminderSubject, context),
            date: stamp,
            messageID: "remind.\(asOf).\(digest.recipient.id).\(StableHash.hex(keys)).\(schedule.series.id)@\(schedule.series.uidDomain)",
            extraHeaders: [("Auto-Submitted", "auto-generated")],
            body: .text(templates.render(.reminder, context)))
    }

    /// A session's fields (`MessageFields.session`) for a section of the organiser's digest, each
    /// entry self-contained so a template can move it; a session no longer in the schedule by its id.
    static func sessionFields(_ id: String, in schedule: Schedule, today: LocalDate) -> [String: Any] {
        guard let session = schedule.session(id) else { return ["title": id, "when": "", "where": "", "ref": id] }
        return MessageFields.session(session, in: schedule, today: today)
    }

    /// One line of the digest: a task (`MessageFields.task`), or (`coming`) a session to attend,
    /// its fields under `session`.
    private static func line(_ item: ReminderItem, in schedule: Schedule, asOf: LocalDate) -> [String: Any] {
        let session = schedule.session(item.session)
        guard item.kind.isOwed else {
            return ["coming": true, "session": session.map { MessageFields.session($0, in: schedule, today: asOf) } ?? [:]]
        }
        let kind: MessageFields.TaskKind
        switch item.kind {
        case .stage(let stage): kind = .stage(stage)
        case .action(let id): kind = .action(id)
        // Only owed work reaches here (the guard above): a stage, an action, or who came.
        default: kind = .attendance
        }
        var fields = MessageFields.task(kind, text: item.text, session: session, due: item.due, owners: item.recipients,
                                        in: schedule, today: asOf)
        fields["coming"] = false
        return fields
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
                ["from": shown(message.from), "subject": shown(message.subject), "date": shown(message.date), "why": message.reason]
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
