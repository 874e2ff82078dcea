/// Records handed over one at a time, each kind in the order a records file lists it: what
/// `RecordsFile.write` reads, so that `dump` can write a state of any size while holding one
/// record (the state's rows are visited as they are read, see `StateStore.withOrderedRecords`),
/// and the same writer serves records already in memory (`Records`).
///
/// Each visit hands over every record of its kind, in this order: completions by session, then
/// stage order; actions by number (A2 before A10); attendance by session; invitations and
/// replies by session, then attendee; reminders by item, recipient, then trigger day; published
/// resources by collection, then UID; away periods by member, then first day. Text compares bytewise (as Swift compares the ASCII ids
/// and URLs these are).
public protocol OrderedRecords {
    var series: String { get }
    func visitCompletions(_ visit: (Completion) throws -> Void) throws
    func visitActions(_ visit: (Action) throws -> Void) throws
    func visitAttendance(_ visit: (Attendance) throws -> Void) throws
    func visitInvitations(_ visit: (Sent<InvitationRecord>) throws -> Void) throws
    func visitReplies(_ visit: (Reply) throws -> Void) throws
    func visitReminders(_ visit: (Sent<LedgerEntry>) throws -> Void) throws
    func visitPublished(_ visit: (Publication) throws -> Void) throws
    func visitAway(_ visit: (AwayPeriod) throws -> Void) throws
}

/// Records in memory, sorted into the file's order as they are visited.
extension Records: OrderedRecords {
    public func visitCompletions(_ visit: (Completion) throws -> Void) throws {
        try completions.sorted { ($0.session, $0.stage) < ($1.session, $1.stage) }.forEach(visit)
    }

    public func visitActions(_ visit: (Action) throws -> Void) throws {
        try actions.sorted { Int($0.id.dropFirst()) ?? 0 < Int($1.id.dropFirst()) ?? 0 }.forEach(visit)
    }

    public func visitAttendance(_ visit: (Attendance) throws -> Void) throws {
        try attendance.sorted { $0.session < $1.session }.forEach(visit)
    }

    public func visitInvitations(_ visit: (Sent<InvitationRecord>) throws -> Void) throws {
        try invitations.sorted { ($0.item.session, $0.item.attendee) < ($1.item.session, $1.item.attendee) }.forEach(visit)
    }

    public func visitReplies(_ visit: (Reply) throws -> Void) throws {
        try replies.sorted { ($0.session, $0.attendee) < ($1.session, $1.attendee) }.forEach(visit)
    }

    public func visitReminders(_ visit: (Sent<LedgerEntry>) throws -> Void) throws {
        try ledger.sorted { ($0.item.item, $0.item.recipient, $0.item.trigger) < ($1.item.item, $1.item.recipient, $1.item.trigger) }
            .forEach(visit)
    }

    public func visitPublished(_ visit: (Publication) throws -> Void) throws {
        try published.sorted { ($0.collection, $0.resource.uid) < ($1.collection, $1.resource.uid) }.forEach(visit)
    }

    public func visitAway(_ visit: (AwayPeriod) throws -> Void) throws {
        try away.sorted { ($0.member, $0.from) < ($1.member, $1.from) }.forEach(visit)
    }
}
