import CalendarTime

/// Everything recorded about one series that its schedule cannot say: the state `dump` writes
/// and `import` reads back, all of it, so a restored state plans exactly what the original did.
public struct Records: Hashable, Sendable {
    public let series: String
    public var completions: [Completion]
    public var actions: [Action]
    /// Who was at each session held, as recorded with `advance SESSION hold`.
    public var attendance: [Attendance]
    /// The last invitation (or CANCEL) sent to each attendee of each session.
    public var invitations: [Sent<InvitationRecord>]
    /// The latest answer of each attendee to each session.
    public var replies: [Reply]
    /// Every reminder sent, and every write-up sent to a member (the ledger).
    public var ledger: [Sent<LedgerEntry>]
    /// What `publish --caldav` last put into each collection (its ledger).
    public var published: [Publication]
    /// Regrets sent in advance (`roundtable away`), by member then start.
    public var away: [AwayPeriod]

    public init(series: String, completions: [Completion] = [], actions: [Action] = [], attendance: [Attendance] = [],
                invitations: [Sent<InvitationRecord>] = [], replies: [Reply] = [], ledger: [Sent<LedgerEntry>] = [],
                published: [Publication] = [], away: [AwayPeriod] = []) {
        self.series = series
        self.completions = completions
        self.actions = actions
        self.attendance = attendance
        self.invitations = invitations
        self.replies = replies
        self.ledger = ledger
        self.published = published
        self.away = away
    }
}

/// Something handed to the mail transport: what, under which Message-ID, and when (UTC).
public struct Sent<Item: Hashable & Sendable>: Hashable, Sendable {
    public let item: Item
    public let messageID: String
    public let at: LocalDateTime

    public init(_ item: Item, messageID: String, at: LocalDateTime) {
        self.item = item
        self.messageID = messageID
        self.at = at
    }
}

/// Who came to a session, recorded when it is held.
public struct Attendance: Hashable, Sendable {
    public let session: String
    /// Member ids, in schedule order.
    public let attended: [String]

    public init(session: String, attended: [String]) {
        self.session = session
        self.attended = attended
    }
}
