import CalendarTime

/// One short request to answer an invitation, to a member who has not answered it `ask-again`
/// before the session: the invitation goes again with it, as she has it (same SEQUENCE), so her
/// calendar can answer it. Asked once per member and session, through the reminders' ledger.
public struct AnswerRequest: Hashable, Sendable {
    /// The invitation as last sent to her, sent again unchanged.
    public let invitation: PlannedInvitation
    /// The day it is asked on: `ask-again` before the session.
    public let trigger: LocalDate

    /// The ledger row that records it sent: item `answer:rt4`.
    public var ledgerEntry: LedgerEntry {
        LedgerEntry(item: Self.key(invitation.session.id), recipient: invitation.attendee.id, trigger: trigger)
    }

    /// The ledger item of the request to answer `session`. Written in every state file, so its
    /// form never changes.
    public static func key(_ session: String) -> String { "answer:\(session)" }

    /// The requests a run as of `asOf` must send: for each session ahead (not held, not
    /// cancelled) whose `ask-again` day has come, each member who was sent its invitation and
    /// has not answered it as it stands, unless the ledger holds her request. None on a quiet day.
    public static func plan(_ schedule: Schedule, timelines: [SessionTimeline], invitations: [InvitationRecord], answers: SessionAnswers,
                            sent: [LedgerEntry], asOf: LocalDate) -> [AnswerRequest] {
        guard !schedule.policy.quietDays.isQuiet(asOf) else { return [] }
        return pending(schedule, timelines: timelines, invitations: invitations, answers: answers, sent: sent, asOf: asOf)
            .filter { $0.trigger <= asOf }
    }

    /// The first day after `asOf` a request is due (not a quiet day), for cron's log line.
    public static func nextDue(_ schedule: Schedule, timelines: [SessionTimeline], invitations: [InvitationRecord], answers: SessionAnswers,
                               sent: [LedgerEntry], asOf: LocalDate) -> LocalDate? {
        pending(schedule, timelines: timelines, invitations: invitations, answers: answers, sent: sent, asOf: asOf)
            .map { max($0.trigger, asOf.adding(days: 1)) }.min()
            .flatMap(schedule.policy.quietDays.firstOpen(onOrAfter:))
    }

    /// Every request not yet sent for a session still ahead, whatever its day.
    private static func pending(_ schedule: Schedule, timelines: [SessionTimeline], invitations: [InvitationRecord], answers: SessionAnswers,
                                sent: [LedgerEntry], asOf: LocalDate) -> [AnswerRequest] {
        let asked = Set(sent.filter { $0.item.hasPrefix("answer:") }.map { "\($0.item)\u{0}\($0.recipient)" })
        let invited = Dictionary(invitations.map { ("\($0.session)\u{0}\($0.attendee)", $0) }, uniquingKeysWith: { $0.sequence >= $1.sequence ? $0 : $1 })
        var found: [AnswerRequest] = []
        for timeline in timelines {
            let session = timeline.session
            guard let start = session.timing.start, asOf <= start.date, !session.isCancelled, timeline.deadline(.hold)?.done == nil else { continue }
            let trigger = schedule.policy.askAgain.before(start.date)
            for answer in answers.of(session, in: schedule) where answer.awaitsAnswer && answer.member.belongs(on: asOf) {
                let member = answer.member
                guard !asked.contains("\(key(session.id))\u{0}\(member.id)"),
                      let record = invited["\(session.id)\u{0}\(member.id)"], !record.cancelled else { continue }
                found.append(AnswerRequest(
                    invitation: PlannedInvitation(session: session, attendee: member, method: .request, sequence: record.sequence,
                                                  reason: .new, changes: [], record: record),
                    trigger: trigger))
            }
        }
        return found
    }
}
