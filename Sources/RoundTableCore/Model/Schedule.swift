import CalendarTime

/// A whole series as its plan file describes it: the input every rule is a function of.
public struct Schedule: Hashable, Sendable {
    public let series: Series
    public let policy: Policy
    public let members: [Member]
    public let sessions: [Session]
    /// How replies are received (`mail:`): the calendar servers trusted to relay them.
    public let mail: MailSettings
    /// The series' time zone, read once: every local time in the schedule is in it.
    public let zone: ZoneRules
    private let index: ScheduleIndex

    /// `zone` is the rules of `series.timezone`, read by whoever made the series.
    public init(series: Series, policy: Policy, members: [Member], sessions: [Session], zone: ZoneRules,
                mail: MailSettings = MailSettings()) {
        self.zone = zone
        self.mail = mail
        self.series = series
        self.policy = policy
        self.members = members
        self.sessions = sessions
        index = ScheduleIndex(members: members, sessions: sessions)
    }

    /// The member with this id.
    public func member(_ id: String) -> Member? { index.member(id).map { members[$0] } }

    /// The session with this id.
    public func session(_ id: String) -> Session? { index.session(id).map { sessions[$0] } }

    /// The organiser, who owns the plan, hold and disseminate stages and sends the invitations.
    public var organiser: Member { member(series.organiser)! }

    /// Members invited to a session: `all` means those who belong to the group on its day (a
    /// tentative session: its first possible day), so a member who joins later is not counted
    /// in, or invited to, what happened before.
    public func attendees(of session: Session) -> [Member] {
        switch session.attendees {
        case .all: return members(on: session.timing.earliestDay)
        case .members(let ids): return ids.compactMap(member)
        }
    }

    /// The members who belong to the group on a day.
    public func members(on day: LocalDate) -> [Member] { members.filter { $0.belongs(on: day) } }

    /// Who must act on a stage: the rapporteurs write up; the organiser plans, holds and disseminates.
    public func owners(of stage: Stage, in session: Session) -> [Member] {
        stage == .writeup ? session.rapporteurs.compactMap(member) : [organiser]
    }

    /// The seminar whose papers deadline caps this session's dissemination: the seminar that
    /// requires it, else the series' seminar when that one lists no requirements.
    public func seminar(capping session: Session) -> Session? {
        guard session.kind != .seminar else { return nil }
        return index.seminar(capping: session.id).map { sessions[$0] }
    }

    /// The first possible day of the earliest session (not cancelled) after `day`: the day an
    /// action agreed on `day` is due when it follows the next session.
    public func nextSessionDay(after day: LocalDate) -> LocalDate? { index.firstDay(after: day) }
}

/// The series' identity and the settings every session shares.
public struct Series: Hashable, Sendable {
    /// Stable; part of every UID, so it never changes once invitations went out.
    public let id: String
    public let title: String
    /// The name people know the group by (`short-title:`), if the schedule gives one.
    public let shortTitle: String?
    /// IANA zone name; every local time in the schedule is in it.
    public let timezone: String
    /// Member id of the organiser.
    public let organiser: String
    public let uidDomain: String
    /// Headings every write-up follows.
    public let discussionAreas: [String]

    public init(id: String, title: String, shortTitle: String? = nil, timezone: String, organiser: String, uidDomain: String,
                discussionAreas: [String]) {
        self.id = id
        self.title = title
        self.shortTitle = shortTitle
        self.timezone = timezone
        self.organiser = organiser
        self.uidDomain = uidDomain
        self.discussionAreas = discussionAreas
    }

    /// What every message calls the group, in its subject and its text: the short title, else
    /// the title. A subject opens with it, so a short one leaves the rest of the subject visible
    /// in an inbox list.
    public var groupName: String { shortTitle ?? title }

    /// The longest `short-title` allowed, in characters: with "[…] Reminder: " around it, an
    /// inbox list a third of a screen wide still shows what the message is about.
    public static let shortTitleLimit = 40
}

/// How long each stage may take, and when to remind; all ISO 8601 durations.
public struct Policy: Hashable, Sendable {
    public var inviteLead = ISODuration("P28D")!
    public var writeupWithin = ISODuration("P14D")!
    public var disseminateWithin = ISODuration("P21D")!
    public var papersBeforeSeminar = ISODuration("P14D")!
    public var remindBefore = [ISODuration("P7D")!, ISODuration("P1D")!]
    public var overdueEvery = ISODuration("P7D")!
    public var defaultDuration = ISODuration("PT3H")!
    /// How long before a session a member who has not answered its invitation is asked once to.
    public var askAgain = ISODuration("P7D")!
    /// How many must have accepted a session (the organiser counts); nil when no quorum is set.
    public var quorum: Int?
    /// How long before a session the quorum is checked, and the organiser told if it is not met.
    public var quorumCheck = ISODuration("P5D")!
    /// Days on which no reminder goes out.
    public var quietDays = QuietDays()
    /// The ISO weekday (1 Monday … 7 Sunday) of the organiser's weekly overview; nil: none.
    public var overviewDay: Int? = 1

    public init() {}
}
