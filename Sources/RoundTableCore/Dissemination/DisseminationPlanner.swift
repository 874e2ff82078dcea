import CalendarTime

/// Who must be sent a session's agreed write-up: every member of the group on the day it goes
/// out (a member who has left is not, a newcomer is), less those already sent this version of
/// it. The ledger key is the session and the day the write-up was agreed, so a second run sends
/// nothing and a write-up agreed again later goes to everyone again.
public enum DisseminationPlanner {
    public static func recipients(of session: Session, in schedule: Schedule, writtenUp: LocalDate, sent: [LedgerEntry],
                                  asOf: LocalDate) -> [Member] {
        let done = Set(sent.filter { $0.item == item(session) && $0.trigger == writtenUp }.map(\.recipient))
        return schedule.members(on: asOf).filter { !done.contains($0.id) }
    }

    /// What the ledger records once a member is sent the write-up.
    public static func ledgerEntry(_ session: Session, to member: Member, writtenUp: LocalDate) -> LedgerEntry {
        LedgerEntry(item: item(session), recipient: member.id, trigger: writtenUp)
    }

    private static func item(_ session: Session) -> String { "findings:\(session.id)" }
}
