import CalendarTime

/// One invitation message to send: REQUEST or CANCEL, to one attendee, at one SEQUENCE.
public struct PlannedInvitation: Hashable, Sendable {
    public enum Method: String, Sendable { case request = "REQUEST", cancel = "CANCEL" }

    /// Why it goes: what the message says, and what it does to the recipient's calendar.
    public enum Reason: String, Sendable {
        case new = "new"
        case moved = "time or place changed"
        case reworded = "text changed"
        case cancelled = "cancelled"
        case uninvited = "no longer invited"
    }

    public let session: Session
    public let attendee: Member
    public let method: Method
    public let sequence: Int
    public let reason: Reason
    /// What changed since the version the recipient has (for an update).
    public let changes: [SessionChange]
    /// The record to keep once it is handed to the transport.
    public let record: InvitationRecord
}

/// Who must be sent what about which session, from the schedule, what was sent before, and the day.
///
/// Invitations follow time: nothing is sent for a session that started before the as-of day,
/// whatever changed in the file, so a newcomer is invited to future sessions only and a typo
/// fixed in a past venue sends nothing. The organiser is the ORGANIZER and is not sent their own
/// invitation.
///
/// SEQUENCE rises only when the time, end or place changes (RFC 5546 §2.1.4), and then above
/// every SEQUENCE sent before for that UID; a new title or description goes out again at the
/// same SEQUENCE. A CANCEL, to the whole list or to one attendee taken off it (§3.2.5), also
/// goes above everything sent. A run cut short part-way is finished by the next one at the same
/// SEQUENCE, because the target is taken from anyone already sent the current version.
public enum InvitationPlanner {
    /// Messages due for the given sessions (all when empty), in schedule then member order.
    public static func plan(_ schedule: Schedule, sent: [InvitationRecord], asOf: LocalDate, sessions only: [String] = []) -> [PlannedInvitation] {
        let zone = schedule.zone
        let bySession = Dictionary(grouping: sent, by: \.session)
        var planned: [PlannedInvitation] = []
        for session in schedule.sessions where only.isEmpty || only.contains(session.id) {
            guard let start = session.timing.start, start.date >= asOf else { continue }
            let records = bySession[session.id] ?? []
            let fingerprint = SessionFingerprint(session, start: start, zone: zone)
            let content = SessionEvent.content(session, in: schedule)
            let above = (records.map(\.sequence).max() ?? -1) + 1
            let current = records.filter { !$0.cancelled && $0.fingerprint == fingerprint.text }.map(\.sequence).max()
            let requestSequence = current ?? above
            let invited = session.isCancelled ? [] : schedule.attendees(of: session).filter { $0.id != schedule.series.organiser }
            let attendeesBefore = schedule.members.filter { member in records.contains { $0.attendee == member.id && !$0.cancelled } }
                .map(\.name)
            func add(_ member: Member, _ method: PlannedInvitation.Method, _ reason: PlannedInvitation.Reason, sequence: Int,
                     changes: [SessionChange] = []) {
                planned.append(PlannedInvitation(
                    session: session, attendee: member, method: method, sequence: sequence, reason: reason, changes: changes,
                    record: InvitationRecord(session: session.id, attendee: member.id, sequence: sequence,
                                             fingerprint: method == .cancel ? "cancelled" : fingerprint.text, content: content,
                                             cancelled: method == .cancel)))
            }
            for member in invited {
                guard let last = records.first(where: { $0.attendee == member.id }) else {
                    add(member, .request, .new, sequence: requestSequence)
                    continue
                }
                if last.cancelled {
                    // Invited again after a CANCEL: her calendar ignores anything not above it.
                    add(member, .request, .new, sequence: max(requestSequence, last.sequence + 1))
                } else if last.fingerprint != fingerprint.text || last.content != content {
                    let changes = SessionChange.between(sent: last, now: fingerprint, content: content, zone: zone,
                                                        attendeesBefore: attendeesBefore, attendeesNow: invited.map(\.name))
                    add(member, .request, last.fingerprint != fingerprint.text ? .moved : .reworded, sequence: requestSequence, changes: changes)
                }
            }
            for record in records where !record.cancelled && !invited.contains(where: { $0.id == record.attendee }) {
                guard let member = schedule.member(record.attendee) else { continue }
                add(member, .cancel, session.isCancelled ? .cancelled : .uninvited, sequence: above)
            }
        }
        return planned
    }

    /// The sessions whose invitations have all gone out once `planned` is sent: their plan stage
    /// is done that day (DESIGN.md: date fixed and invitations sent), unless it already is.
    public static func planned(_ planned: [PlannedInvitation], completions: [Completion]) -> [String] {
        let sessions = planned.filter { $0.method == .request }.map(\.session)
        var seen = Set(completions.filter { $0.stage == .plan }.map(\.session))
        return sessions.filter { session in
            session.stages.contains(.plan) && seen.insert(session.id).inserted
        }.map(\.id)
    }
}
