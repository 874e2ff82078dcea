/// Who a reply file says sent it, for the rule that a reply is believed only from its attendee.
///
/// RFC 6047 §3 asks the organiser to check that an iMIP reply comes from the attendee it answers
/// for; in a saved email that is the From: header. A bare .ics file carries no sender at all, so
/// there is nothing to compare: the other rules (invited, SEQUENCE, DTSTAMP) still hold for it.
public enum ReplySender: Hashable, Sendable {
    /// A whole email, with its From:, Reply-To: and Sender: addresses; each nil when the field
    /// is missing or does not name exactly one mailbox. Reply-To: and Sender: matter only for a
    /// reply a listed calendar server relayed (`mail: relays:`).
    case email(from: String?, replyTo: String? = nil, sender: String? = nil)
    /// A bare calendar file, which names no sender.
    case calendarFile
    /// A file the coordinator vouches for (`rsvp --trust-sender`), whoever sent it.
    case vouchedFor
}
