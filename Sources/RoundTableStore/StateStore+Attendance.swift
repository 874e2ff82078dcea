import RoundTableCore

extension StateStore {
    /// Who attended each session of each series, by session, in member-id order within a session.
    static func attendance(_ db: any SQLConnection, series: [String]) throws -> [String: [Attendance]] {
        try db.fetchAll(Rows.attendanceColumns, from: "attendance", series: series, orderBy: "session, member").decoded { rows in
            var bySession: [(String, [String])] = []
            for row in rows {
                let (session, member) = try Rows.attendee(row)
                if bySession.last?.0 == session { bySession[bySession.count - 1].1.append(member) } else { bySession.append((session, [member])) }
            }
            return bySession.map { Attendance(session: $0.0, attended: $0.1) }
        }
    }

    /// Records who attended one session; a member already recorded for it is a primary-key conflict.
    static func insert(_ attendance: Attendance, series: String, _ db: any SQLConnection) throws {
        for member in attendance.attended {
            try db.execute(sql: "INSERT INTO attendance (series, session, member) VALUES (?, ?, ?)", arguments: [series, attendance.session, member])
        }
    }
}
