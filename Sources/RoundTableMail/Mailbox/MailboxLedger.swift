import RoundTableCore

/// Where `MailboxIntake` keeps what it read (the state: `StateStore` conforms in the command
/// layer, as the mail layer does not know the store).
public protocol MailboxLedger {
    /// The messages of `mailbox` read so far at `validity`.
    func mailboxSeen(mailbox: String, validity: Int64) throws -> MailboxSeen
    /// Records messages as read with the answers they carry, in one transaction; what became of
    /// each answer (recorded, already recorded, or superseded by a newer one), per message.
    func recordMailboxMessages(_ messages: [(message: MailboxMessage, replies: [(series: String, reply: Reply)])],
                               mailbox: String, validity: Int64) throws -> [[ReplyOutcome]]
    /// Records that a handled message is marked in the mailbox.
    func markMailboxMessage(item: String, mailbox: String, validity: Int64) throws
}
