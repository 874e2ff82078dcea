import GRDB
import RoundTableCore

extension StateStore {
    /// What was last sent to each attendee of each session of the series.
    public func invitations(series: String) throws(StoreError) -> [InvitationRecord] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT \(Rows.invitationColumns) FROM invitations WHERE series = ? ORDER BY session, attendee",
                             arguments: [series]).map(Rows.invitation)
        }
    }

    /// Records an invitation handed to the transport, replacing what was sent before to that
    /// attendee about that session.
    public func recordInvitation(_ record: InvitationRecord, series: String, messageID: String) throws(StoreError) {
        try write { db in
            try db.execute(sql: """
                INSERT OR REPLACE INTO invitations (series, session, attendee, sequence, fingerprint, content, cancelled, message_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [series, record.session, record.attendee, record.sequence, record.fingerprint,
                                 record.content, record.cancelled, messageID])
        }
    }
}
