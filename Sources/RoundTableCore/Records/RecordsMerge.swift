import CalendarTime

/// What importing a records file adds to what a state already holds, so that importing the
/// same file twice is harmless and a file that disagrees with the state is refused whole.
///
/// A record is matched by what identifies it (a stage of a session, an action id, who was sent
/// what); one the state holds as it is is left out, one it holds differently is a conflict. A
/// conflict names the record by ids and dates only, never by what people wrote (names, action
/// texts), since the message may reach cron mail and logs.
public enum RecordsMerge {
    /// The records to add, and every conflict found (empty when the import may go ahead).
    public struct Outcome: Sendable {
        public let fresh: Records
        public let conflicts: [String]
    }

    /// `incoming` less what `existing` already holds; a record repeated within `incoming` counts once.
    public static func merge(_ incoming: Records, into existing: Records) -> Outcome {
        var conflicts: [String] = []
        var fresh = Records(series: incoming.series)
        fresh.completions = new(incoming.completions, existing.completions, key: { [$0.session, $0.stage.rawValue] }, &conflicts) { held, given in
            "the \(given.stage.rawValue) stage of '\(given.session)': done \(held.on) in the state, \(given.on) in the file"
        }
        fresh.actions = new(incoming.actions, existing.actions, key: { [$0.id] }, &conflicts) { _, given in
            "action \(given.id): the state holds it otherwise (its owner, text, dates or history differ)"
        }
        fresh.attendance = new(incoming.attendance, existing.attendance, key: { [$0.session] }, &conflicts) { held, given in
            "the attendance of '\(given.session)': \(held.attended.count) recorded in the state, \(given.attended.count) in the file, not the same"
        }
        fresh.invitations = new(incoming.invitations, existing.invitations, key: { [$0.item.session, $0.item.attendee] }, &conflicts) { _, given in
            "the invitation of '\(given.item.session)' to '\(given.item.attendee)': another one is recorded as sent"
        }
        fresh.replies = new(incoming.replies, existing.replies, key: { [$0.session, $0.attendee] }, &conflicts) { _, given in
            "the reply of '\(given.attendee)' to '\(given.session)': another answer is recorded"
        }
        fresh.ledger = new(incoming.ledger, existing.ledger, key: { [$0.item.item, $0.item.recipient, $0.item.trigger.description] }, &conflicts) {
            _, given in "the reminder \(given.item.item) to '\(given.item.recipient)' for \(given.item.trigger): recorded as another message"
        }
        fresh.published = new(incoming.published, existing.published, key: { [$0.collection, $0.resource.uid] }, &conflicts) { _, given in
            "the published resource \(given.resource.uid) in \(given.collection): recorded otherwise"
        }
        fresh.away = new(incoming.away, existing.away, key: { [$0.member, $0.from.description] }, &conflicts) { _, given in
            "the away period of '\(given.member)' from \(given.from): recorded otherwise"
        }
        return Outcome(fresh: fresh, conflicts: conflicts)
    }

    /// The records of `incoming` whose key neither `existing` nor an earlier incoming record has;
    /// a key held with another value adds `describe(held, given)` to `conflicts`.
    private static func new<Record: Equatable>(_ incoming: [Record], _ existing: [Record], key: (Record) -> [String],
                                               _ conflicts: inout [String], describe: (Record, Record) -> String) -> [Record] {
        var held = Dictionary(existing.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
        var fresh: [Record] = []
        for record in incoming {
            if let kept = held[key(record)] {
                if kept != record { conflicts.append(describe(kept, record)) }
                continue
            }
            held[key(record)] = record
            fresh.append(record)
        }
        return fresh
    }
}
