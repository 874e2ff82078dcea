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
                            answers: SessionAnswers = .none, replies: [Reply] = [],
                            firstInvited: [String: LocalDate] = [:], sent: [LedgerEntry], asOf: LocalDate) -> [Digest] {
        guard !schedule.policy.quietDays.isQuiet(asOf) else { return [] }
        let lastSent = lastTriggers(sent)
        var byMember: [String: [DueReminder]] = [:]
        let all = items(schedule, timelines: timelines, actions: actions, attendance: attendance, answers: answers, replies: replies,
                        firstInvited: firstInvited, asOf: asOf)
        for item in all {
            guard let trigger = latestTrigger(of: item, policy: schedule.policy, asOf: asOf) else { continue }
            for recipient in recipients(of: item, in: schedule, asOf: asOf) {
                if let previous = lastSent[LedgerKey(item: item.key, recipient: recipient)], previous >= trigger { continue }
                byMember[recipient, default: []].append(
                    DueReminder(item: item, recipient: recipient, trigger: trigger, reason: reason(item, asOf)))
            }
        }
        let organiser = schedule.series.organiser
        // A welcome may come before her first day, a farewell on the day she is no longer a member: only those reach her then.
        return schedule.members.compactMap { member in
            let reminders = byMember[member.id].map { member.belongs(on: asOf) ? $0 : $0.filter { isWelcomeOrFarewell($0.item.kind) } }
            return reminders.flatMap { $0.isEmpty ? nil : $0 }.map { reminders in
                var digest = Digest(recipient: member, reminders: reminders.sorted { ($0.item.due, $0.item.key) < ($1.item.due, $1.item.key) })
                if reminders.contains(where: { $0.item.kind == .welcome(member.id) }) {
                    digest.welcome = MembershipItems.welcome(member, schedule, timelines: timelines, actions: actions, asOf: asOf)
                }
                if reminders.contains(where: { $0.item.kind == .farewell(member.id) }) {
                    digest.farewell = MembershipItems.farewell(member, schedule, actions: actions)
                }
                if reminders.contains(where: { $0.item.kind == .overview }) {
                    digest.overview = WeeklyOverview.make(schedule, timelines: timelines, actions: actions, items: all,
                                                          answers: answers, asOf: asOf)
                }
                if member.id == organiser {
                    let others = Overdue.items(schedule, timelines: timelines, actions: actions, asOf: asOf).filter { !$0.owners.contains(organiser) }
                    digest.othersOverdue = Array(others.prefix(othersShown))
                    digest.othersNotShown = max(0, others.count - othersShown)
                }
                return digest
            }
        }
    }

    /// How long after someone joins or leaves a run still sends the welcome, farewell and word
    /// to the organiser: a missed cron run is made up, but a state first run long after is not.
    public static let membershipNoticeDays = 28

    private static func isWelcomeOrFarewell(_ kind: ReminderItem.Kind) -> Bool {
        switch kind {
        case .welcome, .farewell: return true
        default: return false
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
                               answers: SessionAnswers = .none, replies: [Reply] = [], firstInvited: [String: LocalDate] = [:],
                               sent: [LedgerEntry], asOf: LocalDate) -> LocalDate? {
        let lastSent = lastTriggers(sent)
        var next: LocalDate?
        for item in items(schedule, timelines: timelines, actions: actions, attendance: attendance, answers: answers, replies: replies,
                          firstInvited: firstInvited, asOf: asOf) {
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
        // A welcome may come before her first day, a farewell on the day she is no longer a member.
        item.recipients.filter { schedule.member($0)?.belongs(on: asOf) == true || isWelcomeOrFarewell(item.kind) }
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
    /// those who have not declined them), sessions held whose attendance is not recorded, for the
    /// organiser the declined roles and quorum shortfalls of sessions ahead and the notes members
    /// wrote with their answers, and what changed for people (actions handed on, dates moved,
    /// joining and leaving, the weekly overview).
    public static func items(_ schedule: Schedule, timelines: [SessionTimeline], actions: [Action], attendance: [Attendance],
                             answers: SessionAnswers = .none, replies: [Reply] = [], firstInvited: [String: LocalDate] = [:],
                             asOf: LocalDate) -> [ReminderItem] {
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
        found += noteItems(schedule, replies: replies)
        found += changeItems(schedule, actions: actions)
        found += MembershipItems.items(schedule, firstInvited: firstInvited)
        // The overview comes while anything is open: not every week forever after the series ends.
        if !found.isEmpty, let overview = WeeklyOverview.item(schedule, asOf: asOf) { found.append(overview) }
        return found
    }

    /// What changed for the owners of open actions, each told once: an action given to someone
    /// else (to her, and to whoever had it, on the day it changed hands), and a due date that
    /// moved, by hand (on the day) or with the session it follows (on the first run after).
    ///
    /// A due date's notice is keyed by the new date, so each move is told once and a later
    /// move is told again; a move with its session names the date recorded for the action.
    static func changeItems(_ schedule: Schedule, actions: [Action]) -> [ReminderItem] {
        var found: [ReminderItem] = []
        for action in actions where action.isOpen {
            let name = { (id: String) in schedule.member(id)?.name ?? id }
            let from = schedule.session(action.session).map { "\(SessionText.title($0)), \(SessionText.day($0.timing.earliestDay))" } ?? action.session
            if let change = action.history.last(where: { $0.field == .owner }), change.after == action.owner {
                var given = ReminderItem(kind: .givenTo(action.id), session: action.session, text: "\(action.text) (from \(from); ref \(action.id))",
                                         due: change.on, recipients: [action.owner])
                (given.before, given.after) = (name(change.before), SessionText.day(action.due))
                var handed = ReminderItem(kind: .handedOn(action.id), session: action.session, text: "\(action.text) (from \(from); ref \(action.id))",
                                          due: change.on, recipients: [change.before])
                (handed.before, handed.after) = (name(change.before), name(action.owner))
                found += [given, handed]
            }
            let byHand = action.history.last(where: { $0.field == .due }).flatMap { change in
                LocalDate(iso: change.after) == action.due ? change : nil
            }
            let old = action.movedFrom.map(\.description) ?? byHand?.before
            guard let old, let oldDay = LocalDate(iso: old), oldDay != action.due else { continue }
            // Told on the day of the edit, or as soon as the schedule moved it: the day the action came from has passed.
            let day = action.movedFrom == nil ? byHand?.on : schedule.session(action.session)?.timing.earliestDay
            guard let day else { continue }
            var moved = ReminderItem(kind: .dueMoved(action.id, to: action.due), session: action.session, text: "\(action.text) (from \(from); ref \(action.id))",
                                     due: day, recipients: [action.owner])
            (moved.before, moved.after) = (SessionText.day(oldDay), SessionText.day(action.due))
            found.append(moved)
        }
        return found
    }

    /// A note per answer that came with one, to the organiser, due the day it was written: its
    /// ledger key names the session and member and its trigger that day, so a later answer
    /// with a new note is passed on too, and each note only once.
    static func noteItems(_ schedule: Schedule, replies: [Reply]) -> [ReminderItem] {
        replies.filter { !$0.note.isEmpty && $0.attendee != schedule.series.organiser }.compactMap { reply in
            guard let session = schedule.session(reply.session) else { return nil }
            let who = schedule.member(reply.attendee)?.name ?? reply.attendee
            return ReminderItem(kind: .note(reply.attendee), session: session.id,
                                text: "\(who) (\(reply.answer.rawValue.lowercased()), \(SessionText.title(session))): “\(reply.note)”",
                                due: schedule.zone.localTime(at: reply.stamp.secondsSinceEpoch).date,
                                recipients: [schedule.series.organiser])
        }
    }

    /// The latest trigger day on or before `asOf`, if any has come.
    static func latestTrigger(of item: ReminderItem, policy: Policy, asOf: LocalDate) -> LocalDate? {
        if case .declinedRole = item.kind { return asOf <= item.due ? item.due : nil }
        // A welcome or farewell a month late (a state upgraded long after someone joined) is no welcome.
        if item.kind.isOnce, item.kind.isMembershipChange, item.due.adding(days: membershipNoticeDays) < asOf { return nil }
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
        if item.kind == .overview, let weekday = policy.overviewDay { return WeeklyOverview.next(after: max(day, item.due), weekday: weekday) }
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
        case .note: return "answered \(SessionText.day(due))"
        case .givenTo: return "now yours (\(item.before) had it), due \(item.after)"
        case .handedOn: return "now with \(item.after)"
        case .dueMoved: return "due date moved: \(item.before) → \(item.after)"
        case .overview: return "due \(due)"
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
