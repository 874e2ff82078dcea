import CalendarTime
import ICalendar
import RoundTableCore
import RoundTableDocuments

/// The email that carries one invitation, update or cancellation (iMIP, RFC 6047).
public enum InvitationMessage {
    public static func make(_ planned: PlannedInvitation, in schedule: Schedule, actions: [Action], replies: [Reply] = [], stamp: Int,
                            templates: Templates) throws -> MailMessage {
        let session = planned.session
        let calendar = try InvitationCalendar.make(planned, in: schedule, actions: actions, replies: replies,
                                                   stamp: LocalDateTime(secondsSinceEpoch: stamp)).serialized()
        let cancel = planned.method == .cancel
        let carried = CarriedActions.into(session, in: schedule, actions: actions)
        let when = SessionText.when(session, zone: schedule.zone)
        let context: [String: Any] = [
            "recipient": planned.attendee.name,
            "kind": SessionText.kindName(session),
            "update": planned.reason != .new,
            "removed": planned.reason == .uninvited,
            "changes": planned.changes.map { change -> [String: Any] in
                ["field": change.field.rawValue, "from": change.from, "to": change.to, "isTime": change.field == .time,
                 "isPlace": change.field == .place]
            },
            "title": SessionText.title(session),
            "when": when,
            "where": session.location ?? "to be fixed",
            "facilitator": session.facilitators.compactMap(schedule.member).map(\.name).joined(separator: ", "),
            "rapporteur": session.rapporteurs.compactMap(schedule.member).map(\.name).joined(separator: ", "),
            "hasAreas": session.kind == .roundtable && !schedule.series.discussionAreas.isEmpty,
            "areas": schedule.series.discussionAreas,
            "hasActions": !cancel && !carried.isEmpty,
            "actions": carried.map {
                ["id": $0.id, "owner": schedule.member($0.owner)?.name ?? $0.owner, "due": $0.due.description, "text": $0.text]
            },
            "organiser": schedule.organiser.name,
            "series": schedule.series.title,
        ]
        let prefix = cancel ? (planned.reason == .cancelled ? "Cancelled" : "No longer expected")
            : planned.reason == .new ? "Invitation" : "Updated invitation"
        let version = StableHash.hex(planned.record.fingerprint + "\n" + planned.record.content)
        return MailMessage(
            from: try MessageAddresses.address(schedule.organiser),
            to: try MessageAddresses.address(planned.attendee),
            subject: "\(prefix): \(SessionText.title(session)) (\(session.location.map { "\($0), " } ?? "")\(when))",
            date: stamp,
            messageID: "invite.\(session.id).s\(planned.sequence).\(planned.method.rawValue.lowercased()).\(version).\(planned.attendee.id).\(schedule.series.id)@\(schedule.series.uidDomain)",
            body: .invitation(text: templates.render(cancel ? .cancel : .invite, context), calendar: calendar,
                              method: planned.method.rawValue))
    }
}
