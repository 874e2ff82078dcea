import CalendarTime
import RoundTableCore

extension StateStore {
    /// The latest answer of each attendee to each session.
    public func replies(series: String) throws(StoreError) -> [Reply] {
        try read { try Self.replies($0, series: [series])[series, default: []] }
    }

    /// Each series' replies by session, then attendee.
    static func replies(_ db: any SQLConnection, series: [String]) throws -> [String: [Reply]] {
        try SeriesRows.read(db, Rows.replyColumns, from: "replies", series: series, orderBy: "session, attendee") { try Rows.reply($1) }
    }

    /// The columns a reply is written with.
    private static let replyColumns = ["series", "session", "attendee", "answer", "sequence", "stamp", "recorded_at", "note"]

    /// Restores a reply as a backup has it.
    static func insert(_ reply: Reply, series: String, recordedAt: String, _ db: any SQLConnection) throws {
        try db.execute(sql: SQLInsert.statement(into: "replies", columns: replyColumns),
                       arguments: [series, reply.session, reply.attendee, reply.answer.rawValue, reply.sequence, reply.stamp.description,
                                   recordedAt, reply.note])
    }

    /// Records a reply unless it, or a newer one, is already recorded.
    ///
    /// The comparison and the write are one transaction (IMMEDIATE on SQLite, SERIALIZABLE on PostgreSQL), so two `rsvp` runs reading
    /// mail in different orders end with the same, newest answer.
    public func recordReply(_ reply: Reply, series: String) throws(StoreError) -> ReplyOutcome {
        try write { [recordedAt] db in try Self.recordReply(reply, series: series, recordedAt: recordedAt, db) }
    }

    /// `recordReply` within a transaction the caller holds, recorded at `recordedAt`.
    static func recordReply(_ reply: Reply, series: String, recordedAt: String, _ db: any SQLConnection) throws -> ReplyOutcome {
        if let row = try db.fetchOne(sql: "SELECT \(Rows.replyColumns) FROM replies WHERE series = ? AND session = ? AND attendee = ?",
                                      arguments: [series, reply.session, reply.attendee]) {
            let recorded = try Rows.reply(row)
            if recorded == reply { return .alreadyRecorded }
            guard reply.supersedes(recorded) else { return .superseded }
        }
        try db.execute(sql: SQLInsert.statement(into: "replies", columns: replyColumns, onConflict: .replace(key: ["series", "session", "attendee"])),
                       arguments: [series, reply.session, reply.attendee, reply.answer.rawValue, reply.sequence, reply.stamp.description,
                                   recordedAt, reply.note])
        return .recorded
    }
}
