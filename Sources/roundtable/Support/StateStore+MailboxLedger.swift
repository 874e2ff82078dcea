import RoundTableMail
import RoundTableStore

/// The state keeps what `rsvp --mailbox` read: the store's functions are the ledger's, word for word.
extension StateStore: MailboxLedger {}
