import ICalendar

/// One invitation message to send: REQUEST or CANCEL, to one attendee, at one SEQUENCE.
public struct PlannedInvitation: Hashable, Sendable {
    public enum Method: String, Sendable { case request = "REQUEST", cancel = "CANCEL" }

    public let session: Session
    public let attendee: Member
    public let method: Method
    public let sequence: Int
    /// "new", "time or place changed", "text changed", "cancelled", "no longer invited".
    public let reason: String
    /// The record to keep once it is handed to the transport.
    public let record: InvitationRecord
}

/// Who must be sent what about which session, from the schedule and what was sent before.
///
/// SEQUENCE rises only when the time, end or place changes (RFC 5546 §2.1.4); a new title or
/// description goes out again at the same SEQUENCE. A run cut short part-way is finished by the
/// next one at the same SEQUENCE, because the target is taken from anyone already sent the
/// current version.
public enum InvitationPlanner {
    /// Messages due for the given sessions (all when empty), in schedule then member order.
    public static func plan(_ schedule: Schedule, sent: [InvitationRecord], sessions only: [String] = []) throws -> [PlannedInvitation] {
        let zone = schedule.zone
        var planned: [PlannedInvitation] = []
        for session in schedule.sessions where only.isEmpty || only.contains(session.id) {
            guard let start = session.timing.start else { continue }
            let records = sent.filter { $0.session == session.id }
            let fingerprint = session.isCancelled ? "cancelled" : SessionEvent.fingerprint(session, start: start, zone: zone)
            let content = SessionEvent.content(session, in: schedule)
            let sequence = records.filter { $0.fingerprint == fingerprint }.map(\.sequence).max()
                ?? (records.isEmpty ? 0 : records.map(\.sequence).max()! + 1)
            let invited = session.isCancelled ? [] : schedule.attendees(of: session)
            func add(_ member: Member, _ method: PlannedInvitation.Method, _ reason: String) {
                planned.append(PlannedInvitation(
                    session: session, attendee: member, method: method, sequence: sequence, reason: reason,
                    record: InvitationRecord(session: session.id, attendee: member.id, sequence: sequence,
                                             fingerprint: method == .cancel ? "cancelled" : fingerprint, content: content,
                                             cancelled: method == .cancel)))
            }
            for member in invited {
                let last = records.first { $0.attendee == member.id }
                if last == nil || last!.cancelled {
                    add(member, .request, "new")
                } else if last!.fingerprint != fingerprint {
                    add(member, .request, "time or place changed")
                } else if last!.content != content {
                    add(member, .request, "text changed")
                }
            }
            for record in records where !record.cancelled && !invited.contains(where: { $0.id == record.attendee }) {
                guard let member = schedule.member(record.attendee) else { continue }
                add(member, .cancel, session.isCancelled ? "cancelled" : "no longer invited")
            }
        }
        return planned
    }
}
