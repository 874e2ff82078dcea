import CalendarTime
import RoundTableCore
import RoundTableStore

/// A member's answer to a session on her page: possible while the invitation she was sent
/// stands and the session is still to come, recorded against that invitation's SEQUENCE, as her
/// calendar's iMIP reply would be.
///
/// The form carries a token derived from her link, the session and that SEQUENCE: a request
/// made without the page (a forged form on another site, a replayed post after the invitation
/// changed) does not have it, and records nothing.
struct WebAnswer {
    let invitation: InvitationRecord
    let formToken: String

    /// What she may answer to `session` now; nil when she may not (never invited, withdrawn,
    /// cancelled, already started, or no link).
    static func current(for session: Session, member: Member, snapshot: SeriesSnapshot, rules: ReplyRules, now: Int) -> WebAnswer? {
        guard !session.isCancelled, let start = session.timing.start, snapshot.schedule.zone.instant(of: start) > now,
              let invitation = try? rules.invitation(to: session, for: member),
              let link = snapshot.linkDigests[member.id],
              let token = try? MemberLink.digest(of: "roundtable form\n\(link)\n\(session.id)\n\(invitation.sequence)") else { return nil }
        return WebAnswer(invitation: invitation, formToken: token)
    }

    /// The answers the page's buttons send.
    static let answers: [String: Reply.Answer] = ["ACCEPTED": .accepted, "TENTATIVE": .tentative, "DECLINED": .declined]
}
