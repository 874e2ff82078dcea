import Foundation
import RoundTableCore

extension StateStore {
    /// Runs `body` (which writes a records file, see `RecordsFile.write`) with the series' records
    /// as `OrderedRecords` read from the state as they are visited, in one snapshot: what lets
    /// `dump` write 200,000 actions in the memory of a few, where `records(series:)` held them all.
    public func withOrderedRecords<T>(series: String, _ body: (any OrderedRecords) throws -> T) throws -> T {
        // The writer's own errors (a full disk) come out as they are, not as the state's.
        var writerError: (any Error)?
        do {
            return try read { db in
                do {
                    return try body(StoredRecords(db: db, series: series))
                } catch {
                    if !StoreError.isTheState(error) { writerError = error }
                    throw error
                }
            }
        } catch {
            throw writerError ?? error
        }
    }
}

/// One series' rows visited in a records file's order, each decoded by `Rows` as it is read
/// (row by row on both backends, see `SQLConnection.forEachRow`).
private struct StoredRecords: OrderedRecords {
    let db: any SQLConnection
    let series: String

    /// Each session's completions are few (one a stage): gathered, then put in stage order.
    func visitCompletions(_ visit: (Completion) throws -> Void) throws {
        var session: [Completion] = []
        try rows(Rows.completionColumns, from: "completions", orderBy: "session") { row in
            let completion = try Rows.completion(row)
            if let last = session.last, last.session != completion.session {
                try session.sorted { $0.stage < $1.stage }.forEach(visit)
                session = []
            }
            session.append(completion)
        }
        try session.sorted { $0.stage < $1.stage }.forEach(visit)
    }

    /// Actions with their history in one statement (each action's row repeated beside each of
    /// its changes), so one result is read in order on both backends, and a row no reader
    /// accepts (a number that is not one) is refused, never skipped.
    func visitActions(_ visit: (Action) throws -> Void) throws {
        let actionColumns = Rows.actionColumns.split(separator: ",").map { "a." + $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", ")
        var current: (row: SQLRow, history: [Action.Change])?
        try db.forEachRow(sql: """
            SELECT \(actionColumns), c.rowid AS change_rowid, c.number AS change_number, c.on_day, c.field, c.before, c.after
            FROM actions a LEFT JOIN action_changes c ON c.series = a.series AND c.number = a.number
            WHERE a.series = ? ORDER BY a.number, a.rowid, c.seq
            """, arguments: [series]) { row in
            if let open = current, open.row["rowid"] != row["rowid"] {
                try visit(try Rows.action(open.row, history: open.history))
                current = nil
            }
            var history = current?.history ?? []
            if row["change_rowid"] != .null {
                let change = SQLRow(columns: Rows.actionChangeColumns.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) },
                                    values: ["change_rowid", "change_number", "on_day", "field", "before", "after"].map { row[$0] })
                history.append(try Rows.actionChange(change).change)
            }
            current = (current?.row ?? row, history)
        }
        if let current { try visit(try Rows.action(current.row, history: current.history)) }
    }

    /// A row a member: consecutive rows of one session are one attendance.
    func visitAttendance(_ visit: (Attendance) throws -> Void) throws {
        var current: (session: String, members: [String])?
        try rows(Rows.attendanceColumns, from: "attendance", orderBy: "session, member") { row in
            let (session, member) = try Rows.attendee(row)
            if let open = current, open.session != session {
                try visit(Attendance(session: open.session, attended: open.members))
                current = nil
            }
            current = (session, (current?.members ?? []) + [member])
        }
        if let current { try visit(Attendance(session: current.session, attended: current.members)) }
    }

    func visitInvitations(_ visit: (Sent<InvitationRecord>) throws -> Void) throws {
        try rows(Rows.invitationColumns, from: "invitations", orderBy: "session, attendee") { try visit(try Rows.invitation($0)) }
    }

    func visitReplies(_ visit: (Reply) throws -> Void) throws {
        try rows(Rows.replyColumns, from: "replies", orderBy: "session, attendee") { try visit(try Rows.reply($0)) }
    }

    func visitReminders(_ visit: (Sent<LedgerEntry>) throws -> Void) throws {
        try rows(Rows.ledgerColumns, from: "ledger", orderBy: "item, recipient, trigger") { try visit(try Rows.ledgerEntry($0)) }
    }

    func visitPublished(_ visit: (Publication) throws -> Void) throws {
        try rows("collection, \(Rows.publishedColumns)", from: "published_resources", orderBy: "collection, uid") {
            try visit(try Rows.publication($0))
        }
    }

    func visitAway(_ visit: (AwayPeriod) throws -> Void) throws {
        try rows(Rows.awayColumns, from: "away", orderBy: "member, from_day") { try visit(try Rows.awayPeriod($0)) }
    }

    private func rows(_ columns: String, from table: String, orderBy order: String, _ body: (SQLRow) throws -> Void) throws {
        try db.forEachRow(sql: "SELECT \(columns) FROM \(table) WHERE series = ? ORDER BY \(order)", arguments: [series], body)
    }
}
