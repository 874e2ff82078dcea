import CalendarTime
import RoundTableCore

/// Regrets sent in advance (`roundtable away`): periods a member is away, one row per member and
/// first day away.
extension StateStore {
    /// Every away period of each series, by member then first day.
    static func away(_ db: any SQLConnection, series: [String]) throws -> [String: [AwayPeriod]] {
        try SeriesRows.read(db, Rows.awayColumns, from: "away", series: series, orderBy: "member, from_day") { try Rows.awayPeriod($1) }
    }

    /// Records a period, replacing one of the same member starting the same day (a period put right).
    public func recordAway(_ period: AwayPeriod, series: String) throws(StoreError) {
        try write { [recordedAt] db in
            try Self.insert(period, series: series, recordedAt: recordedAt, replacing: true, db)
        }
    }

    /// Removes the period of `member` starting on `from`; false when there was none.
    public func removeAway(member: String, from: String, series: String) throws(StoreError) -> Bool {
        try write { db in
            let found = try db.fetchOne(sql: "SELECT 1 AS found FROM away WHERE series = ? AND member = ? AND from_day = ?",
                                        arguments: [series, member, from]) != nil
            try db.execute(sql: "DELETE FROM away WHERE series = ? AND member = ? AND from_day = ?", arguments: [series, member, from])
            return found
        }
    }

    /// Adds one period; as `import` reads it (`replacing` false) one already kept is a `DuplicateKey`.
    static func insert(_ period: AwayPeriod, series: String, recordedAt: String, replacing: Bool = false, _ db: any SQLConnection) throws {
        try db.execute(sql: SQLInsert.statement(into: "away", columns: ["series", "member", "from_day", "to_day", "reason", "recorded_at"],
                                                onConflict: replacing ? .replace(key: ["series", "member", "from_day"]) : .fail),
                       arguments: [series, period.member, period.from.description, period.to.description, period.reason, recordedAt])
    }
}
