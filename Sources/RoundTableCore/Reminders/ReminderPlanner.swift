import CalendarTime

/// Which reminders a run as of a day must send: the rules of DESIGN.md, as a pure function.
///
/// Each item has trigger days: due − each `remind-before`, then (for owed work) the day after
/// due and every `overdue-every` after that. A run sends, per item and recipient, only the latest
/// trigger on or before its day that is later than the last one sent, so a missed cron run is
/// made up once, not in a burst, and a second run the same day finds nothing new.
///
/// Answers shape it (`answers`): a member who declined a session, or is away for it, is not
/// reminded to attend it (what she owes for it still comes), and the organiser is told once of
/// a rapporteur or facilitator who declined and of a session short of its quorum. On a quiet day
/// (`quiet-days:`) nothing is sent: what fell due then is still owed at the next run.
public enum ReminderPlanner {
    /// The digests to send, one per member who has anything due, in member order; a member who
    /// has left the group by `asOf` is sent none.
    public static func plan(_ schedule: Schedule, timelines: [SessionTimeline], actions: [Action], attendance: [Attendance],
                            answers: SessionAnswers = .none, sent: [LedgerEntry], asOf: LocalDate) -> [Digest] {
        guard !schedule.policy.quietDays.isQuiet(asOf) else { return [] }
        let lastSent = lastTriggers(sent)
        var byMember: [String: [DueReminder]] = [:]
        for item in items(schedule, timelines: timelines, actions: actions, attendance: attendance, answers: answers, asOf: asOf) {
            guard let trigger = latestTrigger(of: item, policy: schedule.policy, asOf: asOf) else { continue }
            for recipient in recipients(of: item, in: schedule, asOf: asOf) {
                if let previous = lastSent[LedgerKey(item: item.key, recipient: recipient)], previous >= trigger { continue }
                byMember[recipient, default: []].append(
                    DueReminder(item: item, recipient: recipient, trigger: trigger, reason: reason(item, asOf)))
            }
        }
        let organiser = schedule.series.organiser
        return schedule.members.compactMap { member in
            byMember[member.id].map { reminders in
                var digest = Digest(recipient: member, reminders: reminders.sorted { ($0.item.due, $0.item.key) < ($1.item.due, $1.item.key) })
                if member.id == organiser {
                    let others = Overdue.items(schedule, timelines: timelines, actions: actions, asOf: asOf).filter { !$0.owners.contains(organiser) }
                    digest.othersOverdue = Array(others.prefix(othersShown))
                    digest.othersNotShown = max(0, others.count - othersShown)
                }
                return digest
            }
        }
    }

    /// How many of others' overdue items the organiser's digest lists: a glance, not the report.
    public static let othersShown = 10

    /// The first day after `asOf` on which a run would send something, given what is open and
    /// what the ledger holds: what cron's log line names, so a quiet run still says when the next
    /// reminder is due. A reminder already due but not in the ledger (its recipient was refused,
    /// or this was a dry run) makes it the next day, when the next run sends it. nil when nothing
    /// open has a reminder left.
    /// A day that falls on a quiet day is moved to the first day after it that is not.
    public static func nextDue(_ schedule: Schedule, timelines: [SessionTimeline], actions: [Action], attendance: [Attendance],
                               answers: SessionAnswers = .none, sent: [LedgerEntry], asOf: LocalDate) -> LocalDate? {
        let lastSent = lastTriggers(sent)
        var next: LocalDate?
        for item in items(schedule, timelines: timelines, actions: actions, attendance: attendance, answers: answers, asOf: asOf) {
            let owed = latestTrigger(of: item, policy: schedule.policy, asOf: asOf)
            // The same for every recipient whose last reminder was not after the day (all but a
            // ledger written by a run as of a later day): found once per item, not per recipient.
            var firstAfterAsOf: LocalDate??
            for recipient in recipients(of: item, in: schedule, asOf: asOf) {
                let previous = lastSent[LedgerKey(item: item.key, recipient: recipient)]
                let day: LocalDate?
                if let owed, previous.map({ $0 < owed }) ?? true {
                    day = asOf.adding(days: 1)
                } else if let previous, previous > asOf {
                    day = firstTrigger(of: item, policy: schedule.policy, after: previous)
                } else {
                    if firstAfterAsOf == nil { firstAfterAsOf = firstTrigger(of: item, policy: schedule.policy, after: asOf) }
                    day = firstAfterAsOf!
                }
                if let day, next.map({ day < $0 }) ?? true { next = day }
            }
        }
        return next.flatMap(schedule.policy.quietDays.firstOpen(onOrAfter:))
    }

    /// Who a run as of a day reminds of an item: its recipients who belong to the group that
    /// day. `plan` and `nextDue` both ask here, so the day named as next is one on which someone
    /// is really sent something: a member who has left owns her open work still, but is never
    /// reminded of it (check warns of it instead).
    public static func recipients(of item: ReminderItem, in schedule: Schedule, asOf: LocalDate) -> [String] {
        item.recipients.filter { schedule.member($0)?.belongs(on: asOf) == true }
    }

    /// The latest trigger sent for each item and recipient.
    private static func lastTriggers(_ sent: [LedgerEntry]) -> [LedgerKey: LocalDate] {
        Dictionary(sent.map { (LedgerKey(item: $0.item, recipient: $0.recipient), $0.trigger) }, uniquingKeysWith: max)
    }

    /// One item's reminders to one recipient: a pair rather than one joined String, which was
    /// made anew for every item and recipient of every series a run plans.
    private struct LedgerKey: Hashable {
        let item: String
        let recipient: String
    }

    /// Every open item as of a day: stages not done, open actions, sessions not yet held (for
    /// those who have not declined them), sessions held whose attendance is not recorded, and
    /// for the organiser the declined roles and quorum shortfalls of sessions ahead.
    public static func items(_ schedule: Schedule, timelines: [SessionTimeline], actions: [Action], attendance: [Attendance],
                             answers: SessionAnswers = .none, asOf: LocalDate) -> [ReminderItem] {
        var found: [ReminderItem] = []
        let attendanceRecorded = Set(attendance.map(\.session))
        for timeline in timelines {
            let session = timeline.session
            if let held = timeline.deadline(.hold)?.done, !attendanceRecorded.contains(session.id) {
                found.append(ReminderItem(
                    kind: .attendance, session: session.id,
                    text: "attendance of \(session.id) (\(session.subject)): record who came with "
                        + "'roundtable advance \(session.id) hold --attended ID,…' (or --absent ID,…, or --as-answered)",
                    due: held, recipients: [schedule.series.organiser]))
            }
            for deadline in timeline.stages where deadline.done == nil {
                found.append(ReminderItem(
                    kind: .stage(deadline.stage), session: session.id, text: SessionText.task(deadline.stage, session), due: deadline.due,
                    recipients: schedule.owners(of: deadline.stage, in: session).map(\.id)))
            }
            if let start = session.timing.start, !session.isCancelled, timeline.deadline(.hold)?.done == nil, asOf <= start.date {
                let declined = Set(answers.of(session, in: schedule).filter(\.hasDeclined).map(\.member.id))
                found.append(ReminderItem(
                    kind: .session, session: session.id,
                    text: "\(SessionText.title(session)), \(SessionText.when(session, zone: schedule.zone))"
                        + (session.location.map { ", \($0)" } ?? ""),
                    due: start.date, recipients: schedule.attendees(of: session).map(\.id).filter { !declined.contains($0) }))
                if let shortfall = QuorumShortfall.of(timeline, in: schedule, answers: answers, asOf: asOf),
                   let check = QuorumShortfall.checkDay(of: session, policy: schedule.policy) {
                    found.append(ReminderItem(
                        kind: .quorum(shortfall), session: session.id,
                        text: "\(SessionText.title(session)): \(shortfall.accepted.count) of the \(shortfall.needed) needed have accepted",
                        due: check, recipients: [schedule.series.organiser]))
                }
            }
        }
        // Told while it stands, up to the session's day, which is its ledger trigger: once, however
        // many runs see it.
        for decline in RoleDecline.of(schedule, timelines: timelines, answers: answers, asOf: asOf) {
            guard let session = schedule.session(decline.session), let start = session.timing.start else { continue }
            found.append(ReminderItem(kind: .declinedRole(decline), session: decline.session, text: decline.text(in: schedule),
                                      due: start.date, recipients: [schedule.series.organiser]))
        }
        for action in actions where action.isOpen {
            found.append(ReminderItem(kind: .action(action.id), session: action.session, text: action.text,
                                      due: action.due, recipients: [action.owner]))
        }
        return found
    }

    /// The latest trigger day on or before `asOf`, if any has come.
    static func latestTrigger(of item: ReminderItem, policy: Policy, asOf: LocalDate) -> LocalDate? {
        if case .declinedRole = item.kind { return asOf <= item.due ? item.due : nil }
        if item.kind.isOnce { return item.due <= asOf ? item.due : nil }
        var triggers = policy.remindBefore.map { $0.before(item.due) }.filter { $0 <= asOf }
        if item.chasesWhenLate {
            if let last = chases(of: item, every: policy.overdueEvery, around: asOf).last { triggers.append(last) }
        } else if asOf > item.due {
            return nil
        }
        return triggers.max()
    }

    /// The earliest trigger day after `day`, if the item has one left.
    static func firstTrigger(of item: ReminderItem, policy: Policy, after day: LocalDate) -> LocalDate? {
        if case .declinedRole = item.kind { return nil }
        if item.kind.isOnce { return item.due > day ? item.due : nil }
        var triggers = policy.remindBefore.map { $0.before(item.due) }.filter { $0 > day }
        if item.chasesWhenLate, let next = chases(of: item, every: policy.overdueEvery, around: day).next { triggers.append(next) }
        return triggers.min()
    }

    /// The chases of late work (the day after due, then every `interval`): the last on or before
    /// `day`, and the first after it (nil when an interval of less than a day stops them).
    ///
    /// An interval of whole days finds the last by division: stepping through every interval
    /// since the due day made work late for years cost in proportion to how long, which in a long
    /// series is a cost per item that grows with the series.
    private static func chases(of item: ReminderItem, every interval: ISODuration, around day: LocalDate) -> (last: LocalDate?, next: LocalDate?) {
            var chase = item.due.adding(days: 1)
        guard chase <= day else { return (nil, chase) }
        if interval.years == 0, interval.months == 0, interval.days > 0 {
            let last = chase.adding(days: chase.days(until: day) / interval.days * interval.days)
            return (last, last.adding(days: interval.days))
        }
        while true {
            let next = interval.after(chase)
            guard next > chase else { return (chase, nil) }
            if next > day { return (chase, next) }
                chase = next
            }
    }

    private static func reason(_ item: ReminderItem, _ asOf: LocalDate) -> String {
        let due = item.due
        switch item.kind {
        case .attendance: return "held \(SessionText.day(due)); attendance not recorded"
        case .declinedRole(let decline): return "\(decline.role.rawValue) \(decline.answer)"
        case .quorum(let shortfall): return "quorum \(shortfall.needed), \(shortfall.accepted.count) accepted, \(shortfall.noAnswer.count) not answered"
        default: break
        }
        let days = asOf.days(until: due)
        if item.kind == .session { return "on \(due), \(HumanDate.relative(due, from: asOf))" }
        switch days {
        case ..<0: return "\(Plural.count(-days, "day")) overdue (was due \(due))"
        case 0: return "due today"
        case 1: return "due tomorrow (\(due))"
        default: return "due in \(days) days (\(due))"
        }
    }
}
