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

    /// Records who attended one session; a member already recorded for it is a primary-key conflict.
    static func insert(_ attendance: Attendance, series: String, recordedAt: String, _ db: any SQLConnection) throws {
        for member in attendance.attended {
            try db.execute(sql: "INSERT INTO attendance (series, session, member, recorded_at) VALUES (?, ?, ?, ?)",
                           arguments: [series, attendance.session, member, recordedAt])
        }
    }
}
