import CalendarTime

/// Why a reply cannot be recorded. Each names what was found and the rule it breaks, so the
/// coordinator can tell which mail it was and what to do.
///
/// Values taken from the reply (UID, address, METHOD, libical's message) are shown through
/// `Excerpt`, so a forged reply cannot put escape sequences on the terminal or a 5 MB UID in
/// cron's mail.
public enum ReplyError: Error, Equatable, Sendable, CustomStringConvertible {
    case notAReply(method: String)
    case noEvent
    case unknownUID(String)
    case unknownAttendee(String)
    case unknownAnswer(String)
    case missing(String)
    /// libical could not read part of the reply that `rsvp` relies on; `property` is nil when
    /// libical did not say which.
    case damaged(property: String?, message: String)
    /// A VEVENT names more than one ATTENDEE (RFC 5546 §3.2.3 allows exactly one).
    case severalAttendees(uid: String, count: Int)
    /// The member was never sent a REQUEST for the session (or the session was never sent at all).
    case notInvited(session: String, member: String)
    /// The member's invitation was withdrawn: the last message sent about the session was a CANCEL.
    case invitationWithdrawn(session: String, member: String)
    /// The reply's SEQUENCE is above the highest sent to the member for the session.
    case sequenceNotSent(session: String, member: String, sequence: Int, sent: Int)
    /// The reply's DTSTAMP is later than a day from now.
    case stampInFuture(stamp: LocalDateTime, now: LocalDateTime)
    /// A whole email whose From: address is not the attendee it answers for.
    case senderIsNotAttendee(attendee: String, sender: String)
    /// A whole email with no From: address, or one naming no single mailbox.
    case noSender
    /// A number or time read from the reply is outside what a state may hold; `allowed` says what is.
    case outOfRange(property: String, value: String, allowed: String)
    /// An email a calendar server relayed (From: its address, Reply-To: or Sender: the attendee)
    /// from a server the schedule does not list in `mail: relays:`.
    case relayNotListed(attendee: String, relay: String)

    /// How long a quoted value from the reply may be: a whole UID or address of ours fits.
    private static let quoteLimit = 64

    private static func quoted(_ value: String, limit: Int = quoteLimit) -> String { "'" + Excerpt.of(value, limit: limit) + "'" }

    private static let vouchHint = "If you know this reply is genuine, run rsvp again with --trust-sender."

    public var description: String {
        switch self {
        case .notAReply(let method):
            return "This is not an iMIP reply: its METHOD is \(Self.quoted(method)), expected 'REPLY'."
        case .noEvent:
            return "The reply holds no VEVENT."
        case .unknownUID(let uid):
            return "The reply is about \(Self.quoted(uid)), which is no session of this series."
        case .unknownAttendee(let who):
            return "The reply is from \(Self.quoted(who)), who is not a member of this series."
        case .unknownAnswer(let value):
            return "The reply's PARTSTAT \(Self.quoted(value)) is not an answer (ACCEPTED, DECLINED, TENTATIVE, DELEGATED)."
        case .missing(let field):
            return "The reply has no \(field)."
        case .damaged(let property?, let message):
            return "The reply's \(Excerpt.of(property)) could not be read (libical: \(Self.quoted(message, limit: 120))); "
                + "a reply whose METHOD, UID, SEQUENCE, DTSTAMP or ATTENDEE is damaged is not recorded."
        case .damaged(nil, let message):
            return "Part of the reply could not be read (libical: \(Self.quoted(message, limit: 120))), "
                + "and it may be its METHOD, UID, SEQUENCE, DTSTAMP or ATTENDEE; it is not recorded."
        case .severalAttendees(let uid, let count):
            return "The reply about \(Self.quoted(uid)) answers for \(count) attendees; a reply answers for exactly one "
                + "(RFC 5546 §3.2.3)."
        case .notInvited(let session, let member):
            return "\(member) was never sent an invitation to \(session), so a reply from them to it cannot be genuine."
        case .invitationWithdrawn(let session, let member):
            return "\(member)'s invitation to \(session) was withdrawn (a CANCEL was sent), so their reply to it is not recorded."
        case .sequenceNotSent(let session, let member, let sequence, let sent):
            return "The reply to \(session) carries SEQUENCE \(sequence), but the highest sent to \(member) is \(sent): "
                + "it answers an invitation that was never sent."
        case .stampInFuture(let stamp, let now):
            return "The reply's DTSTAMP \(stamp)Z is more than a day after now (\(now)Z); a genuine reply is stamped when it is sent."
        case .senderIsNotAttendee(let attendee, let sender):
            return "The reply answers for \(Self.quoted(attendee)) but the email is from \(Self.quoted(sender)); "
                + "a reply is believed only from its attendee's own address. \(Self.vouchHint)"
        case .relayNotListed(let attendee, let relay):
            return "The reply answers for \(Self.quoted(attendee)) and was relayed by \(Self.quoted(relay)), which is not a listed relay; "
                + "if that is your calendar server's address, add it to the schedule: mail: relays: [\(Excerpt.of(relay, limit: Self.quoteLimit))]."
        case .noSender:
            return "The email has no From: address naming one mailbox, so it cannot be matched to the reply's attendee. "
                + Self.vouchHint
        case .outOfRange(let property, let value, let allowed):
            return "The reply's \(property) is \(Self.quoted(value)); it must be \(allowed), so the reply is not recorded."
        }
    }
}
