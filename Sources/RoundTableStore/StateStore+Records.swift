import CalendarTime
import RoundTableCore

extension StateStore {
    /// Everything recorded for a series: `records(series:ledger:)` with one id.
    public func records(series: String, ledger withLedger: Bool = true) throws(StoreError) -> Records {
        try records(series: [series], ledger: withLedger)[series] ?? Records(series: series)
    }

    /// Everything recorded for each of `series` (every id named has an entry, empty when nothing
    /// is recorded), read in one snapshot so all of it agrees, with one statement per table
    /// whatever the number of series: a command over an organisation reads it all at once. The
    /// ledgers (reminders sent, resources published), which only `dump`, `remind` and `publish`
    /// read, are left out unless asked for.
    ///
    /// Completions come ordered by session id, then stage order (sorted here, as `Stage` owns that
    /// order); actions by number (A2 before A10).
    public func records(series: [String], ledger withLedger: Bool = true) throws(StoreError) -> [String: Records] {
        try read { db in try Self.records(db, series: series, ledger: withLedger) }
    }

    /// `records(series:ledger:)` within a transaction already open.
    static func records(_ db: any SQLConnection, series: [String], ledger withLedger: Bool) throws -> [String: Records] {
        let completions = try SeriesRows.read(db, Rows.completionColumns, from: "completions", series: series, orderBy: nil) { try Rows.completion($1) }
        let actions = try Self.actions(db, series: series), attendance = try Self.attendance(db, series: series)
        let invitations = try Self.invitations(db, series: series), replies = try Self.replies(db, series: series)
        let ledger = withLedger ? try Self.ledger(db, series: series) : [:]
        let published = withLedger ? try Self.published(db, series: series) : [:]
        let away = try Self.away(db, series: series)
        var records: [String: Records] = [:]
        for id in series {
            records[id] = Records(
                series: id,
                completions: (completions[id] ?? []).sorted { ($0.session, $0.stage) < ($1.session, $1.stage) },
                actions: actions[id] ?? [], attendance: attendance[id] ?? [], invitations: invitations[id] ?? [],
                replies: replies[id] ?? [], ledger: ledger[id] ?? [], published: published[id] ?? [], away: away[id] ?? [])
        }
        return records
    }

    /// Adds, in ONE transaction, every record of `incoming` the state does not hold yet, and
    /// returns them: a record it holds as it is (a file imported twice) is left out (`RecordsMerge`).
    /// Importing sets the series up (`setUp(series:)`): a restored series is one made on purpose.
    ///
    /// Throws `.conflict` listing every record the state holds otherwise (same series, session and
    /// stage; same action id; the same invitation, reply, attendance or reminder), or naming an
    /// id not of the form A1, A2, …; nothing is written then. It replaces nothing.
    /// Stage order is not checked here: that rule is the Core's.
    @discardableResult
    public func importRecords(_ incoming: Records) throws -> Records {
        try importRecords(series: incoming.series) { _ in incoming }
    }

    /// `importRecords(_:)` of the records `read` gives, in the same transaction, given the
    /// completions the state holds for the series: so the Core's rules (a records file read
    /// together with them, `RecordsFile.read(…holds:)`) judge the state as it is written, as
    /// `complete(_:series:check:)` does. What `read` throws comes back unchanged, nothing written.
    @discardableResult
    public func importRecords(series: String, _ read: ([Completion]) throws -> Records) throws -> Records {
        try ruled { [recordedAt] db in
            try Self.markSetUp([series], db)
            let existing = try Self.records(db, series: [series], ledger: true)[series] ?? Records(series: series)
            let incoming = try Refusal.check { try read(existing.completions) }
            return try Self.insertNew(incoming, existing: existing, recordedAt: recordedAt, db)
        }
    }

    /// Inserts the records of `incoming` that `existing` does not hold (see `importRecords(_:)`).
    private static func insertNew(_ incoming: Records, existing: Records, recordedAt: String, _ db: any SQLConnection) throws -> Records {
        // A backup's records keep the instants it holds; where it has none (completions,
        // attendance, replies, and older files), each takes the best date it gives.
        let dayStart = { (day: LocalDate) in day.description + "T00:00:00Z" }
        let holds = Dictionary(incoming.completions.filter { $0.stage == .hold }.map { ($0.session, dayStart($0.on)) }) { first, _ in first }
        let merged = RecordsMerge.merge(incoming, into: existing)
        guard merged.conflicts.isEmpty else {
            throw StoreError.conflict("The state holds \(Plural.count(merged.conflicts.count, "record")) of series "
                + "'\(incoming.series)' otherwise than the file; nothing was imported:" + merged.conflicts.map { "\n  - \($0)" }.joined())
        }
        let records = merged.fresh
        for completion in records.completions {
            try Self.insert(completion, series: records.series, recordedAt: dayStart(completion.on), db)
        }
        for action in records.actions {
            guard let number = ActionID.number(action.id) else {
                throw StoreError.conflict("Action id '\(action.id)' is not of the form \(ActionID.form); nothing was imported.")
            }
            try Self.insert(action, number: number, series: records.series, db)
        }
        let series = records.series
        for attendance in records.attendance {
            try Self.refusingDuplicates("the attendance of \(attendance.session)", series) {
                try Self.insert(attendance, series: series, recordedAt: holds[attendance.session] ?? recordedAt, db)
            }
        }
        for sent in records.invitations {
            try Self.refusingDuplicates("the invitation of \(sent.item.session) to \(sent.item.attendee)", series) {
                try Self.insert(sent, series: series, db)
            }
        }
        for reply in records.replies {
            try Self.refusingDuplicates("the reply of \(reply.attendee) to \(reply.session)", series) {
                try Self.insert(reply, series: series, recordedAt: reply.stamp.utcText, db)
            }
        }
        for sent in records.ledger {
            try Self.refusingDuplicates("the reminder \(sent.item.item) to \(sent.item.recipient) of \(sent.item.trigger)", series) {
                try Self.insert(sent, series: series, db)
            }
        }
        for period in records.away {
            try Self.refusingDuplicates("the away period of \(period.member) from \(period.from)", series) {
                try Self.insert(period, series: series, recordedAt: recordedAt, db)
            }
        }
        for publication in records.published {
            try Self.refusingDuplicates("the published resource \(publication.resource.uid) in \(publication.collection)", series) {
                try Self.insert(publication, series: series, db)
            }
        }
        return records
    }

    /// A record the state already has (or the file repeats) is a `.conflict` naming it.
    private static func refusingDuplicates(_ what: String, _ series: String, _ insert: () throws -> Void) throws {
        do {
            try insert()
        } catch is DuplicateKey {
            throw StoreError.conflict("The state already holds \(what) in series '\(series)'; nothing was imported.")
        }
    }
}
