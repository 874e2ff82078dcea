import CalendarTime

/// What a member who joins is told of the group, and one who leaves of her open actions: the
/// facts of a welcome and a farewell, worded by the reminder template.
public struct Welcome: Hashable, Sendable {
    public let group: String
    /// "Joanne Ashworth <jo@rrc.example.org>".
    public let coordinator: String
    /// The sessions she is invited to, one line each: title, day and place.
    public let invitedTo: [String]
    /// The sessions already held, one line each, with whether and when their findings went out.
    public let held: [HeldSession]
    /// Her open actions, with their due dates.
    public let actions: [String]

    public struct HeldSession: Hashable, Sendable {
        public let line: String
        /// The day its findings were sent to the group; nil while they are not.
        public let findingsSent: String?
    }
}

/// The facts of a farewell: her open actions, which the coordinator will give to others.
public struct Farewell: Hashable, Sendable {
    public let group: String
    public let coordinator: String
    public let openActions: [String]
}

/// When members join and leave, as items of the reminder ledger: a welcome to her and a word to
/// the organiser on the day she joins (or the first day she was sent an invitation, if that
/// came first, so the welcome comes before or with it), a farewell and a word to the organiser
/// on the day she leaves. Only members with a `joined:` are welcomed: the founders were there.
enum MembershipItems {
    static func items(_ schedule: Schedule, firstInvited: [String: LocalDate]) -> [ReminderItem] {
        let organiser = schedule.series.organiser
        var found: [ReminderItem] = []
        for member in schedule.members where member.id != organiser {
            if let joined = member.joined {
                let day = min(joined, firstInvited[member.id] ?? joined)
                found.append(ReminderItem(kind: .welcome(member.id), session: "", text: "\(member.name) joins the group", due: day,
                                          recipients: [member.id]))
                found.append(ReminderItem(kind: .joined(member.id), session: "",
                                          text: "\(member.name) joins the group from \(SessionText.day(joined)); she has been sent a welcome",
                                          due: day, recipients: [organiser]))
            }
            if let left = member.left {
                found.append(ReminderItem(kind: .farewell(member.id), session: "", text: "\(member.name) leaves the group", due: left,
                                          recipients: [member.id]))
                found.append(ReminderItem(kind: .left(member.id), session: "",
                                          text: "\(member.name) leaves the group on \(SessionText.day(left)); she has been sent a farewell",
                                          due: left, recipients: [organiser]))
            }
        }
        return found
    }

    /// What the welcome tells `member` as of `asOf`.
    static func welcome(_ member: Member, _ schedule: Schedule, timelines: [SessionTimeline], actions: [Action], asOf: LocalDate) -> Welcome {
        let place = { (s: Session) in s.location.map { ", \($0)" } ?? "" }
        var invited: [String] = [], held: [Welcome.HeldSession] = []
        for timeline in timelines where !timeline.session.isCancelled {
            let s = timeline.session
            if let heldOn = timeline.deadline(.hold)?.done {
                let findings = timeline.deadline(.disseminate)?.done ?? timeline.deadline(.writeup)?.done
                held.append(Welcome.HeldSession(line: "\(SessionText.title(s)), \(SessionText.day(heldOn, omittingYear: asOf.year))\(place(s))",
                                                findingsSent: findings.map { SessionText.day($0, omittingYear: asOf.year) }))
            } else if schedule.attendees(of: s).contains(where: { $0.id == member.id }) {
                invited.append("\(SessionText.title(s)), \(SessionText.when(s, zone: schedule.zone, omittingYear: asOf.year))\(place(s))")
            }
        }
        return Welcome(group: schedule.series.title, coordinator: "\(schedule.organiser.name) <\(schedule.organiser.email)>",
                       invitedTo: invited, held: held, actions: openActions(of: member, actions))
    }

    /// What the farewell tells `member`.
    static func farewell(_ member: Member, _ schedule: Schedule, actions: [Action]) -> Farewell {
        Farewell(group: schedule.series.title, coordinator: "\(schedule.organiser.name) <\(schedule.organiser.email)>",
                 openActions: openActions(of: member, actions))
    }

    private static func openActions(of member: Member, _ actions: [Action]) -> [String] {
        actions.filter { $0.isOpen && $0.owner == member.id }.map { "\($0.text), due \(SessionText.day($0.due)) (ref \($0.id))" }
    }
}
