import CalendarTime
import RoundTableCore

extension StateStore {
    /// Every reminder sent for the series: the memory that makes `remind` send each one once.
    public func ledger(series: String) throws(StoreError) -> [LedgerEntry] {
        try read { try Self.ledger($0, series: [series])[series, default: []].map(\.item) }
    }

    /// Each series' ledger by item, recipient, then trigger.
    static func ledger(_ db: any SQLConnection, series: [String]) throws -> [String: [Sent<LedgerEntry>]] {
        try SeriesRows.read(db, Rows.ledgerColumns, from: "ledger", series: series, orderBy: "item, recipient, trigger") { try Rows.ledgerEntry($1) }
    }

    /// Records the entries of one delivered message in one transaction; a row already there
    /// (the unique key is series, item, recipient, trigger) is left as it was. The refused
    /// replies the message `reported` (an organiser's digest) are marked reported in the same
    /// transaction, so each is reported once.
    public func recordSent(_ entries: [LedgerEntry], series: String, messageID: String, at: LocalDateTime,
                           reported: [RefusedMessage] = []) throws(StoreError) {
        try write { db in
            for entry in entries { try Self.insert(Sent(entry, messageID: messageID, at: at), series: series, ignoringKept: true, db) }
            try Self.markReported(reported, db)
        }
    }

    /// Writes a ledger row; `ignoringKept` leaves one already there as it was (a send), else
    /// refuses it (an import).
    static func insert(_ sent: Sent<LedgerEntry>, series: String, ignoringKept: Bool = false, _ db: any SQLConnection) throws {
        try db.execute(sql: SQLInsert.statement(into: "ledger", columns: ["series", "item", "recipient", "trigger", "message_id", "sent_at"],
                                                onConflict: ignoringKept ? .ignore : .fail),
                       arguments: [series, sent.item.item, sent.item.recipient, sent.item.trigger.description, sent.messageID, sent.at.utcText])
    }
}
