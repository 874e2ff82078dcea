import CalendarTime
import ICalendar
import RoundTableCore
import RoundTableDocuments

/// The email that carries one invitation, update or cancellation (iMIP, RFC 6047).
public enum InvitationMessage {
    /// `today` is the day it is sent, in the series' zone: days in its year are written without it.
    public static func make(_ planned: PlannedInvitation, in schedule: Schedule, actions: [Action], replies: [Reply] = [], today: LocalDate, stamp: Int,
                            templates: Templates) throws -> MailMessage {
        let session = planned.session
        let calendar = try InvitationCalendar.make(planned, in: schedule, actions: actions, replies: replies,
                                                   stamp: LocalDateTime(secondsSinceEpoch: stamp)).serialized()
        let cancel = planned.method == .cancel
        let carried = CarriedActions.into(session, in: schedule, actions: actions)
        var context = MessageFields.common(schedule, to: planned.attendee)
            .merging(MessageFields.session(session, in: schedule, today: today)) { _, session in session }
        context["update"] = planned.reason != .new
        context["removed"] = planned.reason == .uninvited
        context["changes"] = planned.changes.map { change -> [String: Any] in
            ["field": change.field.rawValue, "from": change.from, "to": change.to, "isTime": change.field == .time,
             "isPlace": change.field == .place]
        }
        context["hasAreas"] = session.kind == .roundtable && !schedule.series.discussionAreas.isEmpty
        context["areas"] = schedule.series.discussionAreas
        context["hasActions"] = !cancel && !carried.isEmpty
        context["actions"] = carried.map { action -> [String: Any] in
            MessageFields.due(action.due, today: today).merging([
                "id": action.id, "ref": action.id, "text": action.text, "owner": schedule.member(action.owner)?.name ?? action.owner,
            ]) { _, field in field }
        }
        for (key, ids) in [("facilitator", session.facilitators), ("rapporteur", session.rapporteurs)] {
            let names = ids.compactMap(schedule.member).map(\.name)
            if !names.isEmpty { context[key] = names.joined(separator: ", ") }
            context[key + "IsYou"] = ids.contains(planned.attendee.id)
        }
        if let reason = session.cancellationReason { context["cancelledBecause"] = reason }
        let version = StableHash.hex(planned.record.fingerprint + "\n" + planned.record.content)
        return MailMessage(
            from: try MessageAddresses.address(schedule.organiser),
            to: try MessageAddresses.address(planned.attendee),
            subject: MessageFields.subject(templates, cancel ? .cancelSubject : .inviteSubject, context),
            date: stamp,
            messageID: "invite.\(session.id).s\(planned.sequence).\(planned.method.rawValue.lowercased()).\(version).\(planned.attendee.id).\(schedule.series.id)@\(schedule.series.uidDomain)",
            body: .invitation(text: templates.render(cancel ? .cancel : .invite, context), calendar: calendar,
                              method: planned.method.rawValue))
    }
}
