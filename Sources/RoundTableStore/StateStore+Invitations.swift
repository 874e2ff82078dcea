import CalendarTime
import RoundTableCore

extension StateStore {
    /// What was last sent to each attendee of each session of the series.
    public func invitations(series: String) throws(StoreError) -> [InvitationRecord] {
        try read { try Self.invitations($0, series: [series])[series, default: []].map(\.item) }
    }

    /// Each series' invitations by session, then attendee.
    static func invitations(_ db: any SQLConnection, series: [String]) throws -> [String: [Sent<InvitationRecord>]] {
        try SeriesRows.read(db, Rows.invitationColumns, from: "invitations", series: series, orderBy: "session, attendee") { try Rows.invitation($1) }
    }

    /// Writes an invitation row; `replacing` what was sent before to that attendee about that
    /// session (a send), or refusing a row already there (an import).
    static func insert(_ sent: Sent<InvitationRecord>, series: String, replacing: Bool = false, _ db: any SQLConnection) throws {
        let record = sent.item
        let columns = ["series", "session", "attendee", "sequence", "fingerprint", "content", "cancelled", "message_id", "sent_at"]
        try db.execute(sql: SQLInsert.statement(into: "invitations", columns: columns,
                                                onConflict: replacing ? .replace(key: ["series", "session", "attendee"]) : .fail),
                       arguments: [series, record.session, record.attendee, record.sequence, record.fingerprint, record.content,
                             record.cancelled, sent.messageID, sent.at.utcText])
    }

    /// Records an invitation handed to the transport, replacing what was sent before to that
    /// attendee about that session.
    public func recordInvitation(_ sent: Sent<InvitationRecord>, series: String) throws(StoreError) {
        try write { try Self.insert(sent, series: series, replacing: true, $0) }
    }
}
