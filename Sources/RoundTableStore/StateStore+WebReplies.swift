import CalendarTime
import RoundTableCore

extension StateStore {
    /// Records an answer a member gave on her page, as a reply by mail is recorded (the newest
    /// SEQUENCE and DTSTAMP win), at `instant` rather than when the store was opened: a server
    /// keeps one store open for days. Remembered as given on the web, for `status`.
    public func recordWebReply(_ reply: Reply, series: String, at instant: LocalDateTime) throws(StoreError) -> ReplyOutcome {
        try write { db in
            let outcome = try Self.recordReply(reply, series: series, recordedAt: instant.utcText, db)
            if outcome == .recorded {
                try db.execute(sql: SQLInsert.statement(into: "web_replies", columns: ["series", "session", "attendee", "sequence", "stamp"],
                                                        onConflict: .replace(key: ["series", "session", "attendee"])),
                               arguments: [series, reply.session, reply.attendee, reply.sequence, reply.stamp.description])
            }
            return outcome
        }
    }

    /// The attendees of `session` whose recorded answer is the one they gave on their page.
    public func webAnswerers(series: String, session: String) throws(StoreError) -> Set<String> {
        try read { db in
            let rows = try db.fetchAll(sql: """
                SELECT w.attendee FROM web_replies w JOIN replies r
                    ON r.series = w.series AND r.session = w.session AND r.attendee = w.attendee AND r.sequence = w.sequence AND r.stamp = w.stamp
                WHERE w.series = ? AND w.session = ?
                """, arguments: [series, session])
            return Set(rows.compactMap { row in
                guard case .text(let attendee) = row["attendee"] else { return nil }
                return attendee
            })
        }
    }
}
