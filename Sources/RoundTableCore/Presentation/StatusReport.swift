import CalendarTime

/// What `status` shows, as a value: the same data feeds the table and the JSON.
///
/// The JSON form is a published interface (docs/json.md): fields are only ever added.
public struct StatusReport: Codable, Hashable, Sendable {
    public var schema = "roundtable.status/1"
    public let series: String
    public let title: String
    public let asOf: String
    public let sessions: [SessionStatus]
    /// Open actions, oldest due first.
    public let openActions: [ActionStatus]
    /// Rapporteurs and facilitators who declined (or are away for) a session ahead.
    public let toActOn: [RoleDecline]

    /// One session's line of the report.
    public struct SessionStatus: Codable, Hashable, Sendable {
        public let id: String
        public let kind: String
        public let subject: String
        public let location: String?
        /// "2012-10-26T10:30:00", "2012-10" or "2013-01-07/2013-03-29".
        public let when: String
        /// As a person reads it: "Fri 26 Oct 2012, 10:30–14:00 BST", "no fixed date yet: in October 2012".
        public let whenText: String
        public let cancelled: Bool
        /// The first stage not done; nil when all are done or the session is cancelled.
        public let currentStage: String?
        public let stages: [StageStatus]
        /// Invitation answers recorded by `rsvp`, counted (the organiser counts as accepted).
        public let answers: Answers
        /// Each invited member's answer as it stands.
        public let attendees: [AttendeeStatus]
        /// Who attended, once recorded (`advance SESSION hold --attended …`); null before.
        public let attended: [String]?
        /// The areas of its write-up still holding only the skeleton's placeholder (empty when
        /// every area is filled in); null when it has no write-up file.
        public var unfilledAreas: [String]? = nil
        /// Recorded held without attendance: never guessed, so it shows as not recorded.
        public let attendanceNotRecorded: Bool
    }

    /// How many invited members answered what.
    public struct Answers: Codable, Hashable, Sendable {
        public let accepted: Int
        public let declined: Int
        public let tentative: Int
        public let noAnswer: Int
        /// Answers to a time or place that has since changed: no longer current.
        public let answeredEarlierVersion: Int
    }

    /// One invited member and her answer: "organiser", "accepted", "declined", "tentative",
    /// "delegated", "no answer" or "answered an earlier version (accepted)".
    public struct AttendeeStatus: Codable, Hashable, Sendable {
        public let id: String
        public let name: String
        public let answer: String
        /// Away for the session's day (`roundtable away`), which counts as declined.
        public let away: Bool
        /// What she wrote with her answer (a COMMENT, the top of her reply email); absent when nothing.
        public var note: String? = nil
    }

    /// One stage's due and done dates.
    public struct StageStatus: Codable, Hashable, Sendable {
        public let stage: String
        public let due: String
        public let done: String?
        public let daysOverdue: Int
        public let owners: [String]
    }

    /// One open action.
    public struct ActionStatus: Codable, Hashable, Sendable {
        public let id: String
        public let session: String
        public let owner: String
        public let text: String
        public let due: String
        public let daysOverdue: Int
    }

    /// Builds the report as of a date; `writeups` are the sessions' write-up files that exist.
    public init(schedule: Schedule, timelines: [SessionTimeline], records: Records, asOf: LocalDate,
                writeups: [String: WriteupFile] = [:]) {
        let answersBySession = SessionAnswers(records)
        let attendance = Dictionary(records.attendance.map { ($0.session, $0.attended) }, uniquingKeysWith: { a, _ in a })
        // Each sort key made once, not at every comparison: A2 before A10.
        openActions = records.actions.filter(\.isOpen).map { (key: ($0.due, $0.id.count, $0.id), action: $0) }
            .sorted { $0.key < $1.key }.map(\.action).map {
            ActionStatus(id: $0.id, session: $0.session, owner: $0.owner, text: $0.text, due: $0.due.description,
                         daysOverdue: $0.daysOverdue(asOf: asOf))
        }
        toActOn = RoleDecline.of(schedule, timelines: timelines, answers: answersBySession, asOf: asOf)
        series = schedule.series.id
        title = schedule.series.title
        self.asOf = asOf.description
        sessions = timelines.map { t in
            let s = t.session
            let when: String
            switch s.timing {
            case .fixed(let start): when = start.description
            case .month(let y, let m): when = "\(y)-\(pad2(m))"
            case .window(let from, let to): when = "\(from)/\(to)"
            }
            let people = answersBySession.of(s, in: schedule)
            let count = { (state: AttendeeAnswer.State) in people.filter { $0.state == state }.count }
            let away = people.filter { if case .away = $0.state { true } else { false } }.count
            let answers = Answers(accepted: count(.answered(.accepted)) + count(.organiser), declined: count(.answered(.declined)) + away,
                                  tentative: count(.answered(.tentative)), noAnswer: count(.noAnswer),
                                  answeredEarlierVersion: people.filter { if case .answeredEarlierVersion = $0.state { true } else { false } }.count)
            return SessionStatus(
                id: s.id, kind: s.kind.rawValue, subject: s.subject, location: s.location, when: when,
                whenText: SessionText.when(s, zone: schedule.zone),
                cancelled: s.isCancelled, currentStage: t.currentStage?.stage.rawValue,
                stages: t.stages.map { d in
                    StageStatus(stage: d.stage.rawValue, due: d.due.description, done: d.done?.description,
                                daysOverdue: d.daysOverdue(asOf: asOf),
                                owners: schedule.owners(of: d.stage, in: s).map(\.id))
                },
                answers: answers,
                attendees: people.map {
                    let away = if case .away = $0.state { true } else { false }
                    return AttendeeStatus(id: $0.member.id, name: $0.member.name, answer: $0.text, away: away,
                                          note: $0.note.isEmpty ? nil : $0.note)
                },
                attended: attendance[s.id], unfilledAreas: writeups[s.id]?.unfilledAreas,
                attendanceNotRecorded: t.deadline(.hold)?.done != nil && attendance[s.id] == nil)
        }
    }
}
