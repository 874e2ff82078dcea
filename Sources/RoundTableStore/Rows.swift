import CalendarTime
import RoundTableCore

/// Turns rows back into Core values, refusing what the schema's checks should have kept out (a
/// hand-edited file: text in an integer column, a NULL, an impossible date) with
/// `StoreError.corrupt` naming the table and the row, rather than guessing or trapping. The
/// same readers serve both backends.
enum Rows {
    /// The columns `completion(_:)` reads, in a form to splice into SELECTs.
    static let completionColumns = "rowid, session, stage, done_on"
    /// The columns `action(_:)` reads, in a form to splice into SELECTs.
    static let actionColumns = "rowid, number, session, owner, text, due, due_follows, done_on, dropped_on, dropped_reason, recorded_at"
    /// The columns `actionChange(_:)` reads.
    static let actionChangeColumns = "rowid, number, on_day, field, before, after"
    /// The columns `invitation(_:)` reads.
    static let invitationColumns = "rowid, session, attendee, sequence, fingerprint, content, cancelled, message_id, sent_at"
    /// The columns `reply(_:)` reads.
    static let replyColumns = "rowid, session, attendee, answer, sequence, stamp, note"
    /// The columns `ledgerEntry(_:)` reads.
    static let ledgerColumns = "rowid, item, recipient, trigger, message_id, sent_at"
    /// The columns `attendee(_:)` reads.
    static let attendanceColumns = "rowid, session, member"
    /// The columns `publishedResource(_:)` reads.
    static let publishedColumns = "rowid, uid, href, etag, fingerprint, in_doubt"

    /// The series a row of `table` belongs to, as `SeriesRows.read` selects it.
    static func series(_ row: SQLRow, table: String) throws(StoreError) -> String {
        try Reader(row: row, table: table)["series"]
    }

    /// A completion from a row of `completionColumns`.
    static func completion(_ row: SQLRow) throws(StoreError) -> Completion {
        let r = Reader(row: row, table: "completions")
        let stageText: String = try r["stage"]
        guard let stage = Stage(rawValue: stageText) else { throw r.corrupt("an unknown stage") }
        return Completion(session: try r["session"], stage: stage, on: try r.date("done_on"))
    }

    /// An action from a row of `actionColumns`, with its `history` (oldest first).
    static func action(_ row: SQLRow, history: [Action.Change]) throws(StoreError) -> Action {
        let r = Reader(row: row, table: "actions")
        let number: Int = try r["number"]
        guard (1...ActionID.largest).contains(number) else { throw r.corrupt("an action number out of range") }
        let done: String? = try r["done_on"], droppedOn: String? = try r["dropped_on"], recorded: String? = try r["recorded_at"]
        return Action(id: ActionID.text(number), session: try r["session"], owner: try r["owner"], text: try r["text"],
                      due: try r.date("due"), followsNextSession: try r["due_follows"],
                      done: try done.map { (text) throws(StoreError) in try r.date(text: text, "done_on") },
                      dropped: try droppedOn.map { (text) throws(StoreError) in
                          Action.Dropped(on: try r.date(text: text, "dropped_on"), reason: try r["dropped_reason"])
                      },
                      history: history, recorded: try recorded.map { (text) throws(StoreError) in
                          guard let time = LocalDateTime(utcText: text) else { throw r.corrupt("an impossible time in 'recorded_at'") }
                          return time
                      })
    }

    /// One change of an action's history and the action number it belongs to, from a row of `actionChangeColumns`.
    static func actionChange(_ row: SQLRow) throws(StoreError) -> (number: Int, change: Action.Change) {
        let r = Reader(row: row, table: "action_changes")
        let fieldText: String = try r["field"]
        guard let field = Action.Change.Field(rawValue: fieldText) else { throw r.corrupt("an unknown field") }
        return (try r["number"], Action.Change(on: try r.date("on_day"), field: field, before: try r["before"], after: try r["after"]))
    }

    /// An invitation sent, from a row of `invitationColumns`.
    static func invitation(_ row: SQLRow) throws(StoreError) -> Sent<InvitationRecord> {
        let r = Reader(row: row, table: "invitations")
        return Sent(InvitationRecord(session: try r["session"], attendee: try r["attendee"], sequence: try r.sequence(),
                                     fingerprint: try r["fingerprint"], content: try r["content"], cancelled: try r["cancelled"]),
                    messageID: try r["message_id"], at: try r.instant("sent_at"))
    }

    /// A reply from a row of `replyColumns`.
    static func reply(_ row: SQLRow) throws(StoreError) -> Reply {
        let r = Reader(row: row, table: "replies")
        let answerText: String = try r["answer"], stampText: String = try r["stamp"]
        guard let answer = Reply.Answer(rawValue: answerText) else { throw r.corrupt("an unknown answer") }
        guard let stamp = LocalDateTime(iso: stampText), SupportedYears.contains(stamp.date) else {
            throw r.corrupt("an impossible time in 'stamp'")
        }
        return Reply(session: try r["session"], attendee: try r["attendee"], answer: answer, sequence: try r.sequence(), stamp: stamp,
                     note: try r["note"])
    }

    /// A ledger entry from a row of `ledgerColumns`.
    static func ledgerEntry(_ row: SQLRow) throws(StoreError) -> Sent<LedgerEntry> {
        let r = Reader(row: row, table: "ledger")
        return Sent(LedgerEntry(item: try r["item"], recipient: try r["recipient"], trigger: try r.date("trigger")),
                    messageID: try r["message_id"], at: try r.instant("sent_at"))
    }

    /// The columns `awayPeriod(_:)` reads.
    static let awayColumns = "rowid, member, from_day, to_day, reason"

    /// An away period, from a row of `awayColumns`.
    static func awayPeriod(_ row: SQLRow) throws(StoreError) -> AwayPeriod {
        let r = Reader(row: row, table: "away")
        let from = try r.date("from_day"), to = try r.date("to_day")
        guard from <= to else { throw r.corrupt("a period that ends before it starts") }
        let reason: String? = try r["reason"]
        return AwayPeriod(member: try r["member"], from: from, to: to, reason: reason)
    }

    /// One member who attended one session, from a row of `attendanceColumns`.
    static func attendee(_ row: SQLRow) throws(StoreError) -> (session: String, member: String) {
        let r = Reader(row: row, table: "attendance")
        return (try r["session"], try r["member"])
    }

    /// A published resource from a row of `publishedColumns`.
    static func publishedResource(_ row: SQLRow) throws(StoreError) -> PublishedResource {
        let r = Reader(row: row, table: "published_resources")
        let inDoubt: Int = try r["in_doubt"]
        guard inDoubt == 0 || inDoubt == 1 else { throw r.corrupt("an in_doubt that is neither 0 nor 1") }
        let etag: String? = try r["etag"]
        return PublishedResource(uid: try r["uid"], href: try r["href"], etag: etag, fingerprint: try r["fingerprint"],
                                 inDoubt: inDoubt == 1)
    }

    /// A published resource and its collection, from a row of `collection` and `publishedColumns`.
    static func publication(_ row: SQLRow) throws(StoreError) -> Publication {
        Publication(collection: try Reader(row: row, table: "published_resources")["collection"], resource: try publishedResource(row))
    }

    /// One row of one table, read column by column, a value of the wrong kind refused.
    private struct Reader {
        let row: SQLRow
        let table: String

        subscript<Value: SQLValueConvertible>(_ column: String) -> Value {
            get throws(StoreError) {
                guard let value = Value(sqlValue: row[column]) else { throw corrupt("an unreadable value in '\(column)'") }
                return value
            }
        }

        func date(_ column: String) throws(StoreError) -> LocalDate { try date(text: try self[column], column) }

        func date(text: String, _ column: String) throws(StoreError) -> LocalDate {
            guard let date = LocalDate(iso: text), SupportedYears.contains(date) else { throw corrupt("an impossible date in '\(column)'") }
            return date
        }

        /// A UTC time as SQLite's strftime writes it, "2012-11-08T09:00:00Z".
        func instant(_ column: String) throws(StoreError) -> LocalDateTime {
            let text: String = try self[column]
            guard let time = LocalDateTime(utcText: text), SupportedYears.contains(time.date) else {
                throw corrupt("an impossible time in '\(column)'")
            }
            return time
        }

        /// A SEQUENCE, kept below the largest libical and the planner can raise without overflow.
        func sequence() throws(StoreError) -> Int {
            let sequence: Int = try self["sequence"]
            guard InvitationRecord.sequences.contains(sequence) else { throw corrupt("a SEQUENCE out of range") }
            return sequence
        }

        func corrupt(_ what: String) -> StoreError {
            let rowid = Int64(sqlValue: row["rowid"]).map { " \($0)" } ?? ""
            return .corrupt(table: table, row: "row\(rowid)", problem: what)
        }
    }
}
