import RoundTableCore

/// A mailbox `rsvp --mailbox` reads replies from: a Maildir or an IMAP folder. Each run opens
/// it, lists what the state has not seen, reads those messages one by one and marks the replies.
public protocol Mailbox: AnyObject {
    /// The mailbox as shown and as the state names it: never a password.
    var name: String { get }
    /// Opens it (an IMAP server: connects, logs in, selects the folder) and returns what names
    /// this incarnation of it: the IMAP folder's UIDVALIDITY, 0 for a Maildir.
    func open() throws(MailboxError) -> Int64
    /// The messages not in `seen`, in the order they arrived.
    func newMessages(after seen: MailboxSeen) throws(MailboxError) -> [MailboxEntry]
    /// A message's bytes; nil when it is larger than `limit` (it is then not read at all).
    func read(_ entry: MailboxEntry, limit: Int) throws(MailboxError) -> [UInt8]?
    /// Marks a handled message (a keyword, a flag) or moves it to the folder given, never
    /// deleting it. Marking one already marked, or gone, is not an error: a run that stopped
    /// between marking and recording it marks it again.
    func mark(item: String) throws(MailboxError)
    /// Ends the session (IMAP LOGOUT); the mailbox cannot be used after.
    func close()
}

/// A message a mailbox holds: its item (Maildir unique name, IMAP UID) as `MailboxMessage` keeps it.
public struct MailboxEntry: Hashable, Sendable {
    public let item: String
    public let uid: Int64

    public init(item: String, uid: Int64) {
        self.item = item
        self.uid = uid
    }
}
