import RoundTableCore

/// What `rsvp --mailbox` has read of each mailbox, so that a run from cron reads only new mail.
///
/// A mailbox is named by its URL as shown (an IMAP server and folder, without credentials) or
/// its Maildir's path, and an IMAP folder's messages by UIDVALIDITY and UID: a folder recreated
/// under the same name (a new UIDVALIDITY) is a new mailbox. Rows belong to no series, as one
/// mailbox serves every series of an organisation.
extension StateStore {
    /// The messages of `mailbox` read so far at `validity` (0 for a Maildir).
    public func mailboxSeen(mailbox: String, validity: Int64) throws(StoreError) -> MailboxSeen {
        try read { db in
            let rows = try db.fetchAll(sql: "SELECT item, uid, outcome, marked FROM mailbox_seen WHERE mailbox = ? AND validity = ?",
                                       arguments: [mailbox, validity])
            var items = Set<String>(), highest: Int64 = 0, unmarked: [String] = []
            items.reserveCapacity(rows.count)
            for row in rows {
                guard let item = String(sqlValue: row["item"]), let uid = Int64(sqlValue: row["uid"]),
                      let marked = Int64(sqlValue: row["marked"]), let outcome = String(sqlValue: row["outcome"]) else {
                    throw StoreError.corrupt(table: "mailbox_seen", row: "\(mailbox) \(String(sqlValue: row["item"]) ?? "?")",
                                            problem: "a column holds a value roundtable never writes")
                }
                items.insert(item)
                highest = max(highest, uid)
                if marked == 0 && outcome != MailboxMessage.Outcome.other.rawValue { unmarked.append(item) }
            }
            return MailboxSeen(items: items, highestUID: highest, unmarked: unmarked.sorted())
        }
    }

    /// Records messages as read, with the answers the replies among them carry, in one
    /// transaction: a run killed before it commits reads them all again, one killed after never
    /// does. Each answer is kept only when it supersedes what is recorded (see `recordReply`).
    /// Returns, per message, what became of each of its answers.
    public func recordMailboxMessages(_ messages: [(message: MailboxMessage, replies: [(series: String, reply: Reply)])],
                                      mailbox: String, validity: Int64) throws(StoreError) -> [[ReplyOutcome]] {
        try write { [recordedAt] db in
            try messages.map { message, replies in
                let refusal = message.refusal
                try db.execute(sql: Self.insertingSeen, arguments: [mailbox, validity, message.item, message.uid, message.outcome.rawValue,
                                                                    message.note, !message.isHandled, refusal?.series ?? "",
                                                                    refusal?.from ?? "", refusal?.subject ?? "", refusal?.date ?? ""])
                return try replies.map { try Self.recordReply($0.reply, series: $0.series, recordedAt: recordedAt, db) }
            }
        }
    }

    /// Records that a handled message is now marked (or moved) in its mailbox.
    public func markMailboxMessage(item: String, mailbox: String, validity: Int64) throws(StoreError) {
        try write { db in
            try db.execute(sql: "UPDATE mailbox_seen SET marked = 1 WHERE mailbox = ? AND validity = ? AND item = ?",
                           arguments: [mailbox, validity, item])
        }
    }

    /// The refused replies of `series` no digest has reported yet, in the order they were read.
    public func unreportedRefusals(series: String) throws(StoreError) -> [RefusedMessage] {
        try read { db in
            try db.fetchAll(sql: """
                SELECT mailbox, validity, item, sender, subject, dated, note FROM mailbox_seen
                WHERE series = ? AND outcome = 'refused' AND reported = 0 ORDER BY read_at, mailbox, item
                """, arguments: [series]).map { row in
                guard let mailbox = String(sqlValue: row["mailbox"]), let validity = Int64(sqlValue: row["validity"]),
                      let item = String(sqlValue: row["item"]), let from = String(sqlValue: row["sender"]),
                      let subject = String(sqlValue: row["subject"]), let date = String(sqlValue: row["dated"]),
                      let note = String(sqlValue: row["note"]) else {
                    throw StoreError.corrupt(table: "mailbox_seen", row: "\(String(sqlValue: row["mailbox"]) ?? "?") \(String(sqlValue: row["item"]) ?? "?")",
                                             problem: "a column holds a value roundtable never writes")
                }
                return RefusedMessage(mailbox: mailbox, validity: validity, item: item, from: from, subject: subject, date: date, reason: note)
            }
        }
    }

    /// Marks refused replies reported, inside a transaction already open (the one that records
    /// the digest reporting them sent, see `recordSent`).
    static func markReported(_ refused: [RefusedMessage], _ db: any SQLConnection) throws {
        for message in refused {
            try db.execute(sql: "UPDATE mailbox_seen SET reported = 1 WHERE mailbox = ? AND validity = ? AND item = ?",
                           arguments: [message.mailbox, message.validity, message.item])
        }
    }

    private static let insertingSeen = SQLInsert.statement(
        into: "mailbox_seen", columns: ["mailbox", "validity", "item", "uid", "outcome", "note", "marked", "series", "sender", "subject", "dated"],
        onConflict: .replace(key: ["mailbox", "validity", "item"]))
}
