import ICalendar

/// Why a reply cannot be recorded. Each names what was found, so the coordinator can tell
/// which mail it was.
public enum ReplyError: Error, Equatable, Sendable, CustomStringConvertible {
    case notAReply(method: String)
    case noEvent
    case unknownUID(String)
    case unknownAttendee(String)
    case unknownAnswer(String)
    case missing(String)

    public var description: String {
        switch self {
        case .notAReply(let method): return "This is not an iMIP reply: its METHOD is '\(method)', expected 'REPLY'."
        case .noEvent: return "The reply holds no VEVENT."
        case .unknownUID(let uid): return "The reply is about '\(uid)', which is no session of this series."
        case .unknownAttendee(let who): return "The reply is from '\(who)', who is not a member of this series."
        case .unknownAnswer(let value): return "The reply's PARTSTAT '\(value)' is not an answer (ACCEPTED, DECLINED, TENTATIVE, DELEGATED)."
        case .missing(let field): return "The reply has no \(field)."
        }
    }
}

/// Reads attendees' answers out of an iMIP REPLY (RFC 6047), matched by UID and attendee address.
public enum ReplyReader {
    /// Every answer in the calendar; all of it is refused if any part does not fit the series.
    public static func replies(in calendar: Component, schedule: Schedule) throws(ReplyError) -> [Reply] {
        let method = calendar.property("METHOD")?.value.text.uppercased() ?? ""
        guard method == "REPLY" else { throw .notAReply(method: method) }
        let events = calendar.components("VEVENT")
        guard !events.isEmpty else { throw .noEvent }
        var found: [Reply] = []
        for event in events {
            guard let uid = event.property("UID")?.value.text else { throw .missing("UID") }
            guard let session = schedule.sessions.first(where: { FeedBuilder.uid(of: $0, in: schedule.series) == uid }) else {
                throw .unknownUID(uid)
            }
            guard case .utcDateTime(let stamp)? = event.property("DTSTAMP")?.value else { throw .missing("DTSTAMP in UTC") }
            let sequence = event.property("SEQUENCE").flatMap { Int($0.value.text) } ?? 0
            let attendees = event.properties("ATTENDEE")
            guard !attendees.isEmpty else { throw .missing("ATTENDEE") }
            for attendee in attendees {
                let address = attendee.value.text.replacingOccurrences(of: "mailto:", with: "", options: .caseInsensitive)
                guard let member = schedule.members.first(where: { $0.email.lowercased() == address.lowercased() }) else {
                    throw .unknownAttendee(address)
                }
                let partstat = attendee.parameter("PARTSTAT")?.uppercased() ?? ""
                guard let answer = Reply.Answer(rawValue: partstat), answer != .needsAction else { throw .unknownAnswer(partstat) }
                found.append(Reply(session: session.id, attendee: member.id, answer: answer, sequence: sequence, stamp: stamp))
            }
        }
        return found
    }
}
