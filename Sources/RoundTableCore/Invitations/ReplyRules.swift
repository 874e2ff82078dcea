import CalendarTime
import ICalendar

/// What a reply must be for `rsvp` to believe it (RFC 5546 §3.2.3, RFC 6047 §3): a reply
/// records someone's answer, so one that could not have been sent by that person about an
/// invitation they were sent is refused rather than counted.
///
/// Pure functions of the schedule, the invitations sent and the time: the command looks them up
/// and `ReplyReader` applies the rules to each VEVENT.
public struct ReplyRules: Sendable {
    /// The properties `rsvp` reads. libical's damage to any of them refuses the reply; damage
    /// elsewhere (Google's and Exchange's empty LOCATION, a vendor X-property) is ignored.
    public static let readProperties: Set<String> = ["METHOD", "UID", "SEQUENCE", "DTSTAMP", "ATTENDEE"]

    /// How far past now a DTSTAMP may be, in seconds: a day covers clocks set wrong by hours and
    /// zones mistaken for UTC, and still refuses a stamp meant to outrank every later answer.
    public static let clockTolerance = 86_400

    public let schedule: Schedule
    /// The moment of reading, UTC.
    public let now: LocalDateTime
    /// What was last sent to each member about each session, by session id then member id.
    private let sent: [String: [String: InvitationRecord]]

    public init(schedule: Schedule, invitations: [InvitationRecord], now: LocalDateTime) {
        self.schedule = schedule
        self.now = now
        sent = Dictionary(grouping: invitations, by: \.session).mapValues { records in
            Dictionary(records.map { ($0.attendee, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// Refuses a reply in which libical damaged a property `rsvp` reads, or one it could not
    /// name (a parameter, a line with no name: it may have been any of them).
    public static func checkDamage(_ problems: [ParseProblem]) throws(ReplyError) {
        for problem in problems where problem.property.map(readProperties.contains) ?? true {
            throw .damaged(property: problem.property, message: problem.message)
        }
    }

    /// The session `uid` names.
    public func session(uid: String) throws(ReplyError) -> Session {
        guard let session = schedule.sessions.first(where: { FeedBuilder.uid(of: $0, in: schedule.series) == uid }) else {
            throw .unknownUID(uid)
        }
        return session
    }

    /// Checks that a VEVENT answers for exactly one attendee, as a REPLY must.
    public static func checkOneAttendee(count: Int, uid: String) throws(ReplyError) {
        guard count > 0 else { throw .missing("ATTENDEE") }
        guard count == 1 else { throw .severalAttendees(uid: uid, count: count) }
    }

    /// The member whose address `address` is, in any case.
    public func member(address: String) throws(ReplyError) -> Member {
        guard let member = schedule.members.first(where: { $0.email.lowercased() == address.lowercased() }) else {
            throw .unknownAttendee(address)
        }
        return member
    }

    /// Checks that the reply comes from the attendee it answers for: a whole email's From:
    /// address must be theirs, in any case. A bare calendar file names no sender, and a file the
    /// coordinator vouches for needs none.
    ///
    /// A calendar server that sends a member's answer for them (Nextcloud, Baïkal, Xandikos)
    /// writes its own address in From: and the member's in Reply-To: (or Sender:). That pair
    /// counts only when the server's address is one of `relays` (the schedule's `mail: relays:`):
    /// anyone can write a Reply-To:, so it is believed only from a server the coordinator named.
    public static func checkSender(_ sender: ReplySender, attendee address: String, relays: Set<String> = []) throws(ReplyError) {
        switch sender {
        case .calendarFile, .vouchedFor:
            return
        case .email(nil, _, _):
            throw .noSender
        case .email(let from?, let replyTo, let onBehalf):
            let attendee = address.lowercased()
            guard from.lowercased() != attendee else { return }
            // The relay's own From:, with the attendee named as the one to answer or the one it sent for.
            guard [replyTo, onBehalf].contains(where: { $0?.lowercased() == attendee }) else {
                throw .senderIsNotAttendee(attendee: address, sender: from)
            }
            guard relays.contains(from.lowercased()) else { throw .relayNotListed(attendee: address, relay: from) }
        }
    }

    /// The invitation to `session` standing for `member`: the last message sent them about it,
    /// which must be a REQUEST. A session never sent (a seminar with only a window) has none.
    public func invitation(to session: Session, for member: Member) throws(ReplyError) -> InvitationRecord {
        guard let record = sent[session.id]?[member.id] else { throw .notInvited(session: session.id, member: member.name) }
        guard !record.cancelled else { throw .invitationWithdrawn(session: session.id, member: member.name) }
        return record
    }

    /// A VEVENT's SEQUENCE: 0 when it has none (RFC 5545's default), else a whole number from 0
    /// up. A negative one, or one libical would have wrapped (which `ParseLimits.received`
    /// reports as damage first), is refused: recorded, it would be a row no later command could
    /// read. One above what was sent is left to `checkSequence`, which says so; as nothing above
    /// `InvitationRecord.sequences` is ever sent, nothing above it is ever recorded.
    public static func sequence(_ property: Property?) throws(ReplyError) -> Int {
        guard let property else { return 0 }
        guard case .integer(let sequence) = property.value, sequence >= 0 else {
            throw .outOfRange(property: "SEQUENCE", value: property.value.text, allowed: "a whole number from "
                + "\(InvitationRecord.sequences.lowerBound) to \(InvitationRecord.sequences.upperBound)")
        }
        return sequence
    }

    /// Checks that a reply's SEQUENCE is one that was sent: SEQUENCE only rises, so the last
    /// sent is the highest, and a reply above it answers an invitation that never existed (and
    /// would outrank every real answer to come).
    public static func checkSequence(_ sequence: Int, against invitation: InvitationRecord, member: Member) throws(ReplyError) {
        guard sequence <= invitation.sequence else {
            throw .sequenceNotSent(session: invitation.session, member: member.name, sequence: sequence, sent: invitation.sequence)
        }
    }

    /// Checks that a reply's DTSTAMP is not later than a day from now, and is in
    /// `SupportedYears` (as every time a records file holds must be, so the dump of what is
    /// recorded imports): a stamp before 1900 is refused too.
    public func checkStamp(_ stamp: LocalDateTime) throws(ReplyError) {
        guard stamp.secondsSinceEpoch <= now.secondsSinceEpoch + Self.clockTolerance else {
            throw .stampInFuture(stamp: stamp, now: now)
        }
        guard SupportedYears.contains(stamp.date) else {
            throw .outOfRange(property: "DTSTAMP", value: stamp.description + "Z",
                              allowed: "a time in the years \(SupportedYears.range.lowerBound)–\(SupportedYears.range.upperBound)")
        }
    }
}
