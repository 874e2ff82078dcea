import CalendarTime

/// An attendee's answer to an invitation, as an iMIP REPLY carries it.
public struct Reply: Hashable, Sendable {
    public let session: String
    /// Member id.
    public let attendee: String
    public let answer: Answer
    public let sequence: Int
    /// The reply's DTSTAMP, UTC: among replies to the same SEQUENCE, the later one wins.
    public let stamp: LocalDateTime
    /// What she wrote with her answer (a COMMENT, the top of the reply email's text), cleaned by
    /// `ReplyNote`; empty when she wrote nothing. Kept with the answer it came with, so the
    /// organiser reads "I may need to leave at 12:45" beside the acceptance it qualifies.
    public let note: String

    public init(session: String, attendee: String, answer: Answer, sequence: Int, stamp: LocalDateTime, note: String = "") {
        self.session = session
        self.attendee = attendee
        self.answer = answer
        self.sequence = sequence
        self.stamp = stamp
        self.note = note
    }

    /// PARTSTAT values a REPLY to a VEVENT may carry (RFC 5545 §3.2.12).
    public enum Answer: String, CaseIterable, Sendable, Codable {
        case accepted = "ACCEPTED", declined = "DECLINED", tentative = "TENTATIVE", delegated = "DELEGATED", needsAction = "NEEDS-ACTION"
    }

    /// Whether this answer should replace `other`: an older SEQUENCE or DTSTAMP never
    /// overwrites a newer answer, whatever order the mail arrives in.
    public func supersedes(_ other: Reply) -> Bool {
        (sequence, stamp) > (other.sequence, other.stamp)
    }
}
