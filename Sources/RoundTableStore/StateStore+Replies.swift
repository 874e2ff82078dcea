import CalendarTime
import GRDB
import RoundTableCore

extension StateStore {
    /// The latest answer of each attendee to each session.
    public func replies(series: String) throws(StoreError) -> [Reply] {
        try read { try Self.replies($0, series: series) }
    }

    static func replies(_ db: Database, series: String) throws -> [Reply] {
        try Row.fetchAll(db, sql: "SELECT \(Rows.replyColumns) FROM replies WHERE series = ? ORDER BY session, attendee",
                         arguments: [series]).map(Rows.reply)
    }

    /// Restores a reply as a backup has it.
    static func insert(_ reply: Reply, series: String, _ db: Database) throws {
        try db.execute(sql: "INSERT INTO replies (series, session, attendee, answer, sequence, stamp) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [series, reply.session, reply.attendee, reply.answer.rawValue, reply.sequence, reply.stamp.description])
    }

    /// Records a reply unless a newer one is already recorded; returns whether it was kept.
    ///
    /// The comparison and the write are one IMMEDIATE transaction, so two `rsvp` runs reading
    /// mail in different orders end with the same, newest answer.
    public func recordReply(_ reply: Reply, series: String) throws(StoreError) -> Bool {
        try write { db in
            if let row = try Row.fetchOne(db, sql: "SELECT \(Rows.replyColumns) FROM replies WHERE series = ? AND session = ? AND attendee = ?",
                                          arguments: [series, reply.session, reply.attendee]) {
                guard reply.supersedes(try Rows.reply(row)) else { return false }
            }
            try db.execute(sql: """
                INSERT OR REPLACE INTO replies (series, session, attendee, answer, sequence, stamp) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [series, reply.session, reply.attendee, reply.answer.rawValue, reply.sequence, reply.stamp.description])
            return true
        }
    }
}
