/// Which series a state was set up for on purpose (`init`, `import`; before v6, every series with
/// a row). Commands that send or publish refuse the others: to them a series with no records looks
/// new, and everything would go out again.
extension StateStore {
    /// Sets up each of `series` in one transaction; returns those that already were.
    public func setUp(series: [String]) throws(StoreError) -> Set<String> {
        try write { db in
            let already = try Self.setUp(db, among: series)
            try Self.markSetUp(series, db)
            return already
        }
    }

    /// Refuses (`.seriesNotSetUp`, naming them all) when any of `series` was never set up here.
    public func requireSetUp(series: [String]) throws(StoreError) {
        let setUp = try read { db in try Self.setUp(db, among: series) }
        let missing = series.filter { !setUp.contains($0) }
        if !missing.isEmpty { throw .seriesNotSetUp(path: path, series: missing) }
    }

    /// Marks `series` set up; one already set up keeps its first date.
    static func markSetUp(_ series: [String], _ db: any SQLConnection) throws {
        for id in series {
            try db.execute(sql: SQLInsert.statement(into: "series_setup", columns: ["series"], onConflict: .ignore), arguments: [id])
        }
    }

    private static func setUp(_ db: any SQLConnection, among series: [String]) throws -> Set<String> {
        Set(try SeriesRows.read(db, "set_up_at", from: "series_setup", series: series, orderBy: nil) { id, _ in id }.keys)
    }
}
