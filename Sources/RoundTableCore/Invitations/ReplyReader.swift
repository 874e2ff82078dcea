import ICalendar

/// Reads attendees' answers out of an iMIP REPLY (RFC 6047), matched by UID and attendee
/// address, and believed only when `ReplyRules` allow.
public enum ReplyReader {
    /// Every answer in the calendar, one per session and member. Every VEVENT is judged before
    /// any answer is returned, so a reply with one VEVENT that breaks a rule gives none: all of it
    /// is refused.
    ///
    /// Several VEVENTs about one session from one member (a client answering instances of what it
    /// took for a recurring event, or a file padded with thousands) give the one answer that
    /// supersedes the others, so what is recorded is what recording each in turn would leave,
    /// in one write rather than thousands.
    ///
    /// `problems` are libical's for this calendar (`Component.parseKeepingProblems`): damage to
    /// what is read here refuses the reply, other damage is ignored.
    ///
    /// `emailText` is the text part of the email the calendar came in, if any: what the person
    /// wrote at its top is kept with her answer, as is each VEVENT's COMMENT (`ReplyNote`).
    public static func replies(in calendar: Component, problems: [ParseProblem] = [], from sender: ReplySender,
                               emailText: String? = nil, rules: ReplyRules) throws(ReplyError) -> [Reply] {
        try ReplyRules.checkDamage(problems)
        let method = calendar.property("METHOD")?.value.text.uppercased() ?? ""
        guard method == "REPLY" else { throw .notAReply(method: method) }
        let events = calendar.components("VEVENT")
        guard !events.isEmpty else { throw .noEvent }
        var found: [Reply] = []
        var index: [String: Int] = [:]  // position in `found` by session and member
        for event in events {
            guard let uid = event.property("UID")?.value.text else { throw .missing("UID") }
            let session = try rules.session(uid: uid)
            guard case .utcDateTime(let stamp)? = event.property("DTSTAMP")?.value else { throw .missing("DTSTAMP in UTC") }
            let sequence = try ReplyRules.sequence(event.property("SEQUENCE"))
            let attendees = event.properties("ATTENDEE")
            try ReplyRules.checkOneAttendee(count: attendees.count, uid: uid)
            let address = Self.address(of: attendees[0])
            let member = try rules.member(address: address)
            try ReplyRules.checkSender(sender, attendee: address, relays: rules.schedule.mail.relays)
            let partstat = attendees[0].parameter("PARTSTAT")?.uppercased() ?? ""
            guard let answer = Reply.Answer(rawValue: partstat), answer != .needsAction else { throw .unknownAnswer(partstat) }
            let invitation = try rules.invitation(to: session, for: member)
            try ReplyRules.checkSequence(sequence, against: invitation, member: member)
            try rules.checkStamp(stamp)
            let comments = event.properties("COMMENT").map(\.value.text).joined(separator: "\n")
            let note = ReplyNote.of(comment: comments, emailText: emailText)
            let reply = Reply(session: session.id, attendee: member.id, answer: answer, sequence: sequence, stamp: stamp, note: note)
            let key = session.id + " " + member.id
            if let earlier = index[key] {
                if reply.supersedes(found[earlier]) { found[earlier] = reply }
            } else {
                index[key] = found.count
                found.append(reply)
            }
        }
        return found
    }

    /// The rules of the series whose session the calendar's first VEVENT names, among several
    /// (`rsvp --mailbox -s FOLDER`: one mailbox for an organisation's series); the first
    /// series' rules when none does, which then refuse the reply naming its UID.
    public static func rules(for calendar: Component, among candidates: [ReplyRules]) -> ReplyRules? {
        guard let uid = calendar.components("VEVENT").first?.property("UID")?.value.text else { return candidates.first }
        return candidates.first { (try? $0.session(uid: uid)) != nil } ?? candidates.first
    }

    /// The address of an ATTENDEE, without its `mailto:` (which clients write in any case).
    private static func address(of attendee: Property) -> String {
        let value = attendee.value.text
        return value.prefix(7).lowercased() == "mailto:" ? String(value.dropFirst(7)) : value
    }
}
