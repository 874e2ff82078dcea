import GRDB
import ICalendar
import RoundTableCore

extension StateStore {
    /// Every reminder sent for the series: the memory that makes `remind` send each one once.
    public func ledger(series: String) throws(StoreError) -> [LedgerEntry] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT \(Rows.ledgerColumns) FROM ledger WHERE series = ? ORDER BY item, recipient, trigger",
                             arguments: [series]).map(Rows.ledgerEntry)
        }
    }

    /// Records the entries of one delivered message in one transaction; a row already there
    /// (the unique key is series, item, recipient, trigger) is left as it was.
    public func recordSent(_ entries: [LedgerEntry], series: String, messageID: String) throws(StoreError) {
        try write { db in
            for entry in entries {
                try db.execute(sql: """
                    INSERT OR IGNORE INTO ledger (series, item, recipient, trigger, message_id) VALUES (?, ?, ?, ?, ?)
                    """, arguments: [series, entry.item, entry.recipient, entry.trigger.description, messageID])
            }
        }
    }
}
