/// What was last sent to one attendee about one session: the memory that decides whether an
/// invitation must go again, and with which SEQUENCE.
public struct InvitationRecord: Hashable, Sendable {
    public let session: String
    public let attendee: String
    public let sequence: Int
    /// Start, end and place as sent ("2012-10-26T10:30:00|2012-10-26T14:00:00|Poole"): a change
    /// here is a reschedule, which raises SEQUENCE.
    public let fingerprint: String
    /// Title and description as sent: a change here resends with the same SEQUENCE.
    public let content: String
    public let cancelled: Bool

    /// The SEQUENCEs a state may hold, whoever gives them (a reply, a records file, a row): a
    /// whole number a C `int` holds (libical's), one below its largest so the next change can
    /// still be sent above it.
    public static let sequences = 0...Int(Int32.max) - 1

    /// Whether `reply` answers a version of this invitation since moved: one sent with a higher
    /// SEQUENCE (a new time or place), so an acceptance of the old time is no longer one. A
    /// withdrawn invitation (a CANCEL) stands for no version to answer, so nothing is stale
    /// against it: her last answer is what she said. `status` and `rsvp` both ask here.
    public func outdates(_ reply: Reply) -> Bool {
        !cancelled && reply.sequence < sequence
    }

    public init(session: String, attendee: String, sequence: Int, fingerprint: String, content: String, cancelled: Bool) {
        self.session = session
        self.attendee = attendee
        self.sequence = sequence
        self.fingerprint = fingerprint
        self.content = content
        self.cancelled = cancelled
    }
}
