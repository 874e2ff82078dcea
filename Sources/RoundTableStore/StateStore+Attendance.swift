import RoundTableCore

extension StateStore {
    /// Who attended each session of each series, by session, in member-id order within a session.
    static func attendance(_ db: any SQLConnection, series: [String]) throws -> [String: [Attendance]] {
        var attendance: [String: [Attendance]] = [:]
        for (id, attendees) in try SeriesRows.read(db, Rows.attendanceColumns, from: "attendance", series: series, orderBy: "session, member",
                                               { try Rows.attendee($1) }) {
            var bySession: [(String, [String])] = []
            for (session, member) in attendees {
                if bySession.last?.0 == session { bySession[bySession.count - 1].1.append(member) } else { bySession.append((session, [member])) }
            }
            attendance[id] = bySession.map { Attendance(session: $0.0, attended: $0.1) }
        }
        return attendance
    }

    /// Records who attended a session already recorded held, replacing what was recorded before
    /// (a hold recorded without attendance, or a list put right). `check` is the Core's rule,
    /// given the session's completions, run in the same transaction; its error comes back unchanged.
    public func recordAttendance(_ attendance: Attendance, series: String, check: ([Completion]) throws -> Void) throws {
        try ruled { [recordedAt] db in
            let recorded = try Self.completions(db, series: series, session: attendance.session)
            try Refusal.check { try check(recorded) }
            try db.execute(sql: "DELETE FROM attendance WHERE series = ? AND session = ?", arguments: [series, attendance.session])
            try Self.insert(attendance, series: series, recordedAt: recordedAt, db)
        }
    }

    /// Records who attended one session; a member already recorded for it is a primary-key conflict.
    static func insert(_ attendance: Attendance, series: String, recordedAt: String, _ db: any SQLConnection) throws {
        for member in attendance.attended {
            try db.execute(sql: "INSERT INTO attendance (series, session, member, recorded_at) VALUES (?, ?, ?, ?)",
                           arguments: [series, attendance.session, member, recordedAt])
        }
    }
}
