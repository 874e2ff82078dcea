import GRDB
import ICalendar
import RoundTableCore

extension StateStore {
    /// The latest answer of each attendee to each session.
    public func replies(series: String) throws(StoreError) -> [Reply] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT \(Rows.replyColumns) FROM replies WHERE series = ? ORDER BY session, attendee",
                             arguments: [series]).map(Rows.reply)
        }
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
