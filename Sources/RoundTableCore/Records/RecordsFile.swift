import CalendarTime
import Yams

/// The YAML form of `Records`: what `dump` writes, `import` reads, and seeds/ holds.
///
/// Format 2 (written since actions gained history) holds every record, so a dump restored into
/// an empty state plans exactly what the original did: completions, actions with their history,
/// attendance, the invitations and reminders sent (with Message-ID and time), the replies, and
/// (only when `publish --caldav` has run) what was published into each CalDAV collection, and
/// (only when there are any) the away periods recorded with `roundtable away`.
/// Format 1 (completions and actions only, no `format:` key) is still read.
///
/// ```yaml
/// format: 2
/// series: ajc-plg-2012
/// completions:
///   - {session: rt1, stage: plan, on: 2012-03-20}
/// actions:
///   - {id: A1, session: rt1, owner: dan, text: Circulate the partnership models paper, due: 2012-06-21, done: 2012-06-01}
/// ```
/// Writing is deterministic (completions by session then stage, actions by number), so a dump
/// imported into an empty state dumps to the same bytes.
public enum RecordsFile {
    /// The records, or nil with every located error. Ids are checked against the schedule, and
    /// completions against the rules `advance` applies to their days and order
    /// (`StageRules.checkDates`, `StageRules.checkOrder`), as of `asOf`, together with the
    /// completions the state already `holds` (an import merges into them).
    public static func read(_ text: String, file: String, schedule: Schedule, asOf: LocalDate,
                            holds: [Completion] = []) -> (Records?, [Diagnostic]) {
        var r = YAMLReader(file: file)
        guard let root = r.compose(text),
              let top = r.mapping(root, "The records file", allowed: ["format", "series", "completions", "actions", "attendance",
                                                                     "invitations", "replies", "reminders", "published", "away"],
                                  required: ["series"]),
              let series = r.string(top["series"], "The series") else {
            return (nil, r.diagnostics)
        }
        if series != schedule.series.id {
            r.report(top["series"], "These records are for series '\(series)', but the schedule is '\(schedule.series.id)'.")
        }
        if let format = r.string(top["format"], "The format"), !["1", "2"].contains(format) {
            r.report(top["format"], "This records file has format \(Excerpt.of(format)); this roundtable reads formats 1 and 2. Use a newer roundtable.")
        }
        var records = Records(series: series)
        var completionNodes: [YAMLNode] = []
        for item in list(top["completions"], "'completions'", &r) {
            guard let m = r.mapping(item, "A completion", allowed: ["session", "stage", "on"], required: ["session", "stage", "on"]),
                  let session = sessionID(m["session"], schedule, &r),
                  let stageName = r.string(m["stage"], "The stage") else { continue }
            guard let stage = Stage(rawValue: stageName) else {
                r.report(m["stage"], "Unknown stage '\(stageName)'. Use plan, hold, writeup or disseminate.")
                continue
            }
            if let on = r.date(m["on"], "The date") {
                records.completions.append(Completion(session: session, stage: stage, on: on))
                completionNodes.append(item)
            }
        }
        checkCompletions(records.completions, at: completionNodes, holds: holds, schedule, asOf: asOf, &r)
        var ids: Set<String> = []
        for item in list(top["actions"], "'actions'", &r) {
            guard let m = r.mapping(item, "An action", allowed: ["id", "session", "owner", "text", "due", "due-follows", "done", "dropped",
                                                              "reason", "history", "recorded"],
                                    required: ["id", "session", "owner", "text", "due"]),
                  let id = r.string(m["id"], "The action id") else { continue }
            guard ActionID.number(id) != nil else {
                r.report(m["id"], "Action id '\(Excerpt.of(id))' is not of the form \(ActionID.form).")
                continue
            }
            guard ids.insert(id).inserted else {
                r.report(m["id"], "Duplicate action id '\(id)'.")
                continue
            }
            let owner = r.string(m["owner"], "The owner")
            if let owner, schedule.member(owner) == nil { r.report(m["owner"], "Unknown member '\(owner)' as owner of \(id).") }
            let session = sessionID(m["session"], schedule, &r)
            let text = r.string(m["text"], "The text")
            r.refuseLineBreaks(text, at: m["text"], "The text of \(id)")
            let due = r.date(m["due"], "The due date")
            var follows = false
            if let value = r.string(m["due-follows"], "'due-follows'") {
                follows = value == "next-session"
                if !follows { r.report(m["due-follows"], "'due-follows' can only be 'next-session'.") }
            }
            let done = m["done"].flatMap { r.date($0, "The done date") }
            let dropped = m["dropped"].flatMap { r.date($0, "The day it was dropped") }
            let reason = r.string(m["reason"], "The reason")
            r.refuseLineBreaks(reason, at: m["reason"], "The reason \(id) was dropped")
            if reason != nil && dropped == nil { r.report(m["reason"], "A reason is given for \(id) but no 'dropped' date.") }
            let history = list(m["history"], "The history of \(id)", &r).compactMap { change(in: $0, of: id, &r) }
            // When it was added; older files have none, and the action counts from its session.
            let recorded = m["recorded"].flatMap { instant($0, "When \(id) was recorded", &r) }
            if let owner, let session, let text, let due, schedule.member(owner) != nil {
                records.actions.append(Action(id: id, session: session, owner: owner, text: text, due: due, followsNextSession: follows,
                                              done: done, dropped: dropped.map { Action.Dropped(on: $0, reason: reason) },
                                              history: history, recorded: recorded))
            }
        }
        readSent(top, schedule, into: &records, &r)
        return r.diagnostics.isEmpty ? (records, []) : (nil, r.diagnostics)
    }

    /// Applies `advance`'s rules to the file's completions merged with those the state `holds`,
    /// each session's in stage order (the state's first), every one broken reported at the file's
    /// completion that breaks it: its own, or, for a stage the state holds that no longer follows,
    /// the file's completion of the stage before. A stage both hold is the state's (the merge
    /// compares the two); a rule the state alone breaks is not the file's to answer for.
    private static func checkCompletions(_ completions: [Completion], at nodes: [YAMLNode], holds: [Completion], _ schedule: Schedule,
                                         asOf: LocalDate, _ r: inout YAMLReader) {
        let held = Set(holds.map { [$0.session, $0.stage.rawValue] })
        let entries = holds.map { (completion: $0, node: YAMLNode?.none) }
            + zip(completions, nodes).filter { !held.contains([$0.0.session, $0.0.stage.rawValue]) }.map { (completion: $0.0, node: Optional($0.1)) }
        for (id, group) in Dictionary(grouping: entries, by: { $0.completion.session }).sorted(by: { $0.key < $1.key }) {
            guard let session = schedule.session(id) else { continue }
            var done: [Stage: LocalDate] = [:]
            var fromFile: [Stage: YAMLNode] = [:]
            for entry in group.sorted(by: { $0.completion.stage < $1.completion.stage }) {
                let completion = entry.completion
                let previous = session.stages.firstIndex(of: completion.stage).flatMap { $0 > 0 ? session.stages[$0 - 1] : nil }
                do throws(WorkflowError) {
                    if entry.node != nil { try StageRules.checkDates(completion, of: session, done: done, asOf: asOf) }
                    try StageRules.checkOrder(completion, of: session, done: done)
                } catch {
                    if let node = entry.node ?? previous.flatMap({ fromFile[$0] }) { r.report(node, error.description) }
                }
                done[completion.stage] = completion.on
                if let node = entry.node { fromFile[completion.stage] = node }
            }
        }
    }

    /// Format 2's other sections: attendance, the invitations and reminders sent, the replies.
    private static func readSent(_ top: YAMLReader.Entries, _ schedule: Schedule, into records: inout Records, _ r: inout YAMLReader) {
        for item in list(top["attendance"], "'attendance'", &r) {
            guard let m = r.mapping(item, "An attendance", allowed: ["session", "attended"], required: ["session", "attended"]),
                  let session = sessionID(m["session"], schedule, &r) else { continue }
            let ids = r.strings(m["attended"], "'attended'") ?? []
            for id in ids where schedule.member(id) == nil { r.report(m["attended"], "Unknown member '\(Excerpt.of(id))' in the attendance of \(session).") }
            // The state holds one row per member who came, so a name twice is a second spelling of nothing.
            var listed: Set<String> = []
            for node in m["attended"]?.sequence ?? [] {
                if let id = node.string, !listed.insert(id).inserted {
                    r.report(node, "'\(Excerpt.of(id))' is listed twice in the attendance of \(session).")
                }
            }
            records.attendance.append(Attendance(session: session, attended: ids))
        }
        for item in list(top["invitations"], "'invitations'", &r) {
            guard let m = r.mapping(item, "An invitation", allowed: ["session", "attendee", "sequence", "sent", "message-id", "fingerprint",
                                                                     "content", "cancelled"],
                                    required: ["session", "attendee", "sequence", "sent", "message-id", "fingerprint", "content"]),
                  let session = sessionID(m["session"], schedule, &r), let attendee = memberID(m["attendee"], schedule, &r),
                  let sequence = number(m["sequence"], "The SEQUENCE", &r), let sent = instant(m["sent"], "The time it was sent", &r),
                  let messageID = r.string(m["message-id"], "The Message-ID"), let fingerprint = r.string(m["fingerprint"], "The fingerprint"),
                  let content = r.string(m["content"], "The content") else { continue }
            let cancelled = flag(m["cancelled"], "'cancelled'", &r)
            records.invitations.append(Sent(InvitationRecord(session: session, attendee: attendee, sequence: sequence, fingerprint: fingerprint,
                                                             content: content, cancelled: cancelled), messageID: messageID, at: sent))
        }
        for item in list(top["replies"], "'replies'", &r) {
            guard let m = r.mapping(item, "A reply", allowed: ["session", "attendee", "answer", "sequence", "stamp", "note"],
                                    required: ["session", "attendee", "answer", "sequence", "stamp"]),
                  let session = sessionID(m["session"], schedule, &r), let attendee = memberID(m["attendee"], schedule, &r),
                  let answerText = r.string(m["answer"], "The answer"), let sequence = number(m["sequence"], "The SEQUENCE", &r),
                  let stamp = instant(m["stamp"], "The reply's DTSTAMP", &r) else { continue }
            guard let answer = Reply.Answer(rawValue: answerText) else {
                r.report(m["answer"], "Unknown answer '\(Excerpt.of(answerText))'. Use ACCEPTED, DECLINED, TENTATIVE or DELEGATED.")
                continue
            }
            let note = m["note"] == nil ? "" : r.string(m["note"], "The note") ?? ""
            records.replies.append(Reply(session: session, attendee: attendee, answer: answer, sequence: sequence, stamp: stamp, note: note))
        }
        for item in list(top["reminders"], "'reminders'", &r) {
            guard let m = r.mapping(item, "A reminder sent", allowed: ["item", "recipient", "trigger", "sent", "message-id"],
                                    required: ["item", "recipient", "trigger", "sent", "message-id"]),
                  let key = r.string(m["item"], "The item"), let recipient = memberID(m["recipient"], schedule, &r),
                  let trigger = r.date(m["trigger"], "The trigger day"), let sent = instant(m["sent"], "The time it was sent", &r),
                  let messageID = r.string(m["message-id"], "The Message-ID") else { continue }
            records.ledger.append(Sent(LedgerEntry(item: key, recipient: recipient, trigger: trigger), messageID: messageID, at: sent))
        }
        for item in list(top["published"], "'published'", &r) {
            guard let m = r.mapping(item, "A published resource", allowed: ["collection", "uid", "href", "etag", "fingerprint", "in-doubt"],
                                    required: ["collection", "uid", "href", "fingerprint"]),
                  let collection = r.string(m["collection"], "The collection"), let uid = r.string(m["uid"], "The UID"),
                  let href = r.string(m["href"], "The resource's URL"), let fingerprint = r.string(m["fingerprint"], "The fingerprint")
            else { continue }
            let etag = m["etag"].flatMap { r.string($0, "The ETag") }
            let inDoubt = flag(m["in-doubt"], "'in-doubt'", &r)
            records.published.append(Publication(collection: collection, resource: PublishedResource(
                uid: uid, href: href, etag: etag, fingerprint: fingerprint, inDoubt: inDoubt)))
        }
        for item in list(top["away"], "'away'", &r) {
            guard let m = r.mapping(item, "An away period", allowed: ["member", "from", "to", "reason"], required: ["member", "from", "to"]),
                  let member = memberID(m["member"], schedule, &r), let from = r.date(m["from"], "The first day away"),
                  let to = r.date(m["to"], "The last day away") else { continue }
            guard from <= to else {
                r.report(m["to"], "The away period of '\(member)' ends (\(to)) before it starts (\(from)).")
                continue
            }
            records.away.append(AwayPeriod(member: member, from: from, to: to, reason: m["reason"].flatMap { r.string($0, "The reason") }))
        }
    }

    /// A flag written only when set (`cancelled: true`, `in-doubt: true`): absent is false, and
    /// anything but `true` is refused, as the state holds only 0 or 1.
    private static func flag(_ node: YAMLNode?, _ what: String, _ r: inout YAMLReader) -> Bool {
        guard let value = r.string(node, what) else { return false }
        if value != "true" { r.report(node, "\(what) can only be 'true'.") }
        return value == "true"
    }

    private static func memberID(_ node: YAMLNode?, _ schedule: Schedule, _ r: inout YAMLReader) -> String? {
        guard let id = r.string(node, "The member") else { return nil }
        guard schedule.member(id) != nil else {
            r.report(node, "Unknown member '\(Excerpt.of(id))'.")
            return nil
        }
        return id
    }

    /// A whole number in `InvitationRecord.sequences` (as a SEQUENCE must be).
    private static func number(_ node: YAMLNode?, _ what: String, _ r: inout YAMLReader) -> Int? {
        guard let text = r.string(node, what) else { return nil }
        let range = InvitationRecord.sequences
        guard text.count <= 10, text.allSatisfy(\.isASCII), let n = Int(text), range.contains(n) else {
            r.report(node, "\(what) '\(Excerpt.of(text))' is not a whole number from \(range.lowerBound) to \(range.upperBound).")
            return nil
        }
        return n
    }

    /// A UTC time written `2012-11-08T09:00:00Z`.
    private static func instant(_ node: YAMLNode?, _ what: String, _ r: inout YAMLReader) -> LocalDateTime? {
        guard let text = r.string(node, what) else { return nil }
        guard let time = LocalDateTime(utcText: text), SupportedYears.contains(time.date) else {
            r.report(node, "\(what) '\(Excerpt.of(text))' is not a UTC time such as 2012-11-08T09:00:00Z.")
            return nil
        }
        return time
    }

    /// The records as YAML text: `write(_:to:)` gathered into one string.
    public static func write(_ records: some OrderedRecords) throws -> String {
        var text = ""
        try write(records) { text += $0 }
        return text
    }

    /// The records as YAML, handed to `output` a record at a time as each is visited, so that a
    /// dump of 200,000 actions never holds more than one record, read or written (a YAML tree of
    /// the whole file took 2.7 GB, and the records read whole 116 MB).
    ///
    /// Each record is serialised by Yams on its own, as a one-item list, which is exactly how it
    /// reads inside the whole document (a list under a key is written unindented), so the text is
    /// byte for byte what serialising the whole tree at once gave (`document(of:)` is that tree;
    /// a test holds the two equal). A list's key is written with its first item, or as `key: []`
    /// after the visit found none.
    public static func write(_ records: some OrderedRecords, to output: (String) throws -> Void) throws {
        try output(header)
        for section in sections(of: records) {
            switch section.content {
            case .value(let value):
                try output(try serialize(Node([(Node(section.key), value.node)])))
            case .list(let visit, let omittedWhenEmpty):
                var empty = true
                try visit { value in
                    if empty { try output(section.key + ":\n") }
                    empty = false
                    try output(plainFlow(value).map { "- " + $0 + "\n" } ?? (try serialize(Node([value.node]))))
                }
                if empty && !omittedWhenEmpty { try output(try serialize(Node([(Node(section.key), Node([Node]()))]))) }
            }
        }
    }

    /// A flow mapping or sequence whose every scalar `isPlain`, written as Yams writes it
    /// (`{key: value, …}`, `[a, b]`); nil for anything else, which Yams then writes. Yams (as
    /// libyaml's emitter) costs some 500 µs a record in a debug build, which made a dump of
    /// 200,000 actions take two minutes; nearly every record is plain words, ids and dates.
    private static func plainFlow(_ value: Value) -> String? {
        switch value {
        case .text(let text):
            return isPlain(text) ? text : nil
        case .map(let pairs, flow: true):
            var parts: [String] = []
            for (key, value) in pairs {
                guard let value = plainFlow(value) else { return nil }
                parts.append(key + ": " + value)
            }
            return "{" + parts.joined(separator: ", ") + "}"
        case .list(let items):
            var parts: [String] = []
            for item in items {
                guard let item = plainFlow(item) else { return nil }
                parts.append(item)
            }
            return "[" + parts.joined(separator: ", ") + "]"
        case .map(_, flow: false):
            return nil
        }
    }

    /// Whether libyaml writes `text` as a plain scalar inside a flow collection, judged
    /// conservatively: it starts with a letter or digit, ends with no space, and holds only ASCII
    /// letters, digits, spaces and characters that are no indicator after the first (no `,` `:`
    /// `#` `?` brackets or braces, no quotes, no line break), and is not a YAML null. Anything
    /// else is left to Yams.
    static func isPlain(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last, isAlphanumeric(first), last != UInt8(ascii: " "), !Value.readsAsNull(text) else {
            return false
        }
        return utf8.allSatisfy { isAlphanumeric($0) || plainInside.contains($0) }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// Characters libyaml leaves plain after the first one.
    private static let plainInside: Set<UInt8> = Set(" .-_/()+=;@&*!%|<>~$^".utf8)

    /// The first line of every records file.
    private static let header = "# roundtable records: import with `roundtable import FILE`\n"

    /// The whole document as one YAML tree, for a test to hold `write` to: the form dumps had
    /// before they streamed, which every dump since must match byte for byte.
    static func document(of records: Records) throws -> Node {
        var pairs: [(Node, Node)] = []
        for section in sections(of: records) {
            switch section.content {
            case .value(let value):
                pairs.append((Node(section.key), value.node))
            case .list(let visit, let omittedWhenEmpty):
                var items: [Node] = []
                try visit { items.append($0.node) }
                if !items.isEmpty || !omittedWhenEmpty { pairs.append((Node(section.key), Node(items))) }
            }
        }
        return Node(pairs)
    }

    /// `header` and the document as Yams writes it whole.
    static func serializedWhole(_ records: Records) throws -> String {
        header + (try Yams.serialize(node: try document(of: records), width: -1, allowUnicode: true))
    }

    private static func serialize(_ node: Node) throws -> String {
        try Yams.serialize(node: node, width: -1, allowUnicode: true)
    }

    /// One top-level key of a records file and what it holds.
    private struct Section {
        enum Content {
            case value(Value)
            /// Items handed over one at a time, each made when it is written; a list
            /// `omittedWhenEmpty` has no key at all when it has no item.
            case list(visit: (_ item: (Value) throws -> Void) throws -> Void, omittedWhenEmpty: Bool = false)
        }

        let key: String
        let content: Content
    }

    /// The file's keys in order, each list in the order `OrderedRecords` visits it, so that
    /// writing is deterministic.
    private static func sections(of records: some OrderedRecords) -> [Section] {
        [
            Section(key: "format", content: .value(.text("2"))),
            Section(key: "series", content: .value(.text(records.series))),
            Section(key: "completions", content: .list { item in
                try records.visitCompletions { c in
                    try item(flow(["session": c.session, "stage": c.stage.rawValue, "on": c.on.description], order: ["session", "stage", "on"]))
                }
            }),
            Section(key: "actions", content: .list { item in try records.visitActions { try item(actionValue($0)) } }),
            Section(key: "attendance", content: .list { item in
                try records.visitAttendance { a in
                    try item(.map([("session", .text(a.session)), ("attended", .list(a.attended.map(Value.text)))], flow: true))
                }
            }),
            Section(key: "invitations", content: .list { item in
                try records.visitInvitations { s in
                    var fields = ["session": s.item.session, "attendee": s.item.attendee, "sequence": "\(s.item.sequence)", "sent": s.at.utcText,
                                  "message-id": s.messageID, "fingerprint": s.item.fingerprint, "content": s.item.content]
                    if s.item.cancelled { fields["cancelled"] = "true" }
                    try item(.map(pairs(fields, order: ["session", "attendee", "sequence", "sent", "message-id", "fingerprint", "cancelled", "content"]),
                                  flow: false))
                }
            }),
            Section(key: "replies", content: .list { item in
                try records.visitReplies { reply in
                    var fields = ["session": reply.session, "attendee": reply.attendee, "answer": reply.answer.rawValue, "sequence": "\(reply.sequence)",
                                  "stamp": reply.stamp.utcText]
                    if !reply.note.isEmpty { fields["note"] = reply.note }
                    try item(flow(fields, order: ["session", "attendee", "answer", "sequence", "stamp", "note"]))
                }
            }),
            Section(key: "reminders", content: .list { item in
                try records.visitReminders { s in
                    try item(flow(["item": s.item.item, "recipient": s.item.recipient, "trigger": s.item.trigger.description, "sent": s.at.utcText,
                                   "message-id": s.messageID], order: ["item", "recipient", "trigger", "sent", "message-id"]))
                }
            }),
            // Only a series that was published has the section, so every other dump reads as before.
            Section(key: "published", content: .list(visit: { item in
                try records.visitPublished { p in
                    var fields = ["collection": p.collection, "uid": p.resource.uid, "href": p.resource.href, "fingerprint": p.resource.fingerprint]
                    if let etag = p.resource.etag { fields["etag"] = etag }
                    if p.resource.inDoubt { fields["in-doubt"] = "true" }
                    try item(flow(fields, order: ["collection", "uid", "href", "etag", "fingerprint", "in-doubt"]))
                }
            }, omittedWhenEmpty: true)),
            // Likewise only a series with away periods has theirs.
            Section(key: "away", content: .list(visit: { item in
                try records.visitAway { a in
                    var fields = ["member": a.member, "from": a.from.description, "to": a.to.description]
                    if let reason = a.reason { fields["reason"] = reason }
                    try item(flow(fields, order: ["member", "from", "to", "reason"]))
                }
            }, omittedWhenEmpty: true)),
        ]
    }

    /// One action as a flow mapping, its history (if any) a list of flow mappings inside it.
    private static func actionValue(_ a: Action) -> Value {
        var fields = ["id": a.id, "session": a.session, "owner": a.owner, "text": a.text, "due": a.due.description]
        if a.followsNextSession { fields["due-follows"] = "next-session" }
        if let done = a.done { fields["done"] = done.description }
        if let dropped = a.dropped {
            fields["dropped"] = dropped.on.description
            fields["reason"] = dropped.reason
        }
        if let recorded = a.recorded { fields["recorded"] = recorded.utcText }
        var pairs = pairs(fields, order: ["id", "session", "owner", "text", "due", "due-follows", "done", "dropped", "reason", "recorded"])
        if !a.history.isEmpty {
            pairs.append(("history", .list(a.history.map { c in
                flow(["on": c.on.description, "field": c.field.rawValue, "before": c.before, "after": c.after], order: ["on", "field", "before", "after"])
            })))
        }
        return .map(pairs, flow: true)
    }

    private static func change(in node: YAMLNode, of id: String, _ r: inout YAMLReader) -> Action.Change? {
        guard let m = r.mapping(node, "A change of \(id)", allowed: ["on", "field", "before", "after"], required: ["on", "field", "before", "after"]),
              let on = r.date(m["on"], "The day of the change"), let name = r.string(m["field"], "The field") else { return nil }
        guard let field = Action.Change.Field(rawValue: name) else {
            r.report(m["field"], "Unknown field '\(Excerpt.of(name))'; a change is to the text, owner or due.")
            return nil
        }
        return Action.Change(on: on, field: field, before: r.string(m["before"], "The value before") ?? "", after: r.string(m["after"], "The value after") ?? "")
    }

    private static func flow(_ fields: [String: String], order: [String]) -> Value {
        .map(pairs(fields, order: order), flow: true)
    }

    private static func pairs(_ fields: [String: String], order: [String]) -> [(String, Value)] {
        order.compactMap { key in fields[key].map { (key, .text($0)) } }
    }

    /// A record as it is written: the `Node` Yams would be given, without Yams' cost per node,
    /// so that a plain record is written directly (`plainFlow`) and only an unusual one is
    /// turned into nodes for Yams.
    private indirect enum Value {
        case text(String)
        /// A flow sequence (`[a, b]`).
        case list([Value])
        /// A mapping in key order: `{…}` when `flow`, else a block.
        case map([(String, Value)], flow: Bool)

        /// The texts YAML reads as null when plain: written quoted, so a reason or an ETag
        /// that is `~` or `null` comes back as that text rather than as nothing.
        static func readsAsNull(_ text: String) -> Bool { ["", "~", "null", "Null", "NULL"].contains(text) }

        var node: Node {
            switch self {
            case .text(let text): return Self.readsAsNull(text) ? Node(text, .implicit, .singleQuoted) : Node(text)
            case .list(let items): return Node(items.map(\.node), .implicit, .flow)
            case .map(let pairs, let flow): return Node(pairs.map { (Node($0.0), $0.1.node) }, .implicit, flow ? .flow : .any)
            }
        }
    }

    private static func list(_ node: YAMLNode?, _ what: String, _ r: inout YAMLReader) -> [YAMLNode] {
        guard let node else { return [] }
        if let items = node.sequence { return items }
        if r.string(node, what) == nil { return [] }
        r.report(node, "\(what) should be a list.")
        return []
    }

    private static func sessionID(_ node: YAMLNode?, _ schedule: Schedule, _ r: inout YAMLReader) -> String? {
        guard let id = r.string(node, "The session") else { return nil }
        guard schedule.session(id) != nil else {
            r.report(node, "Unknown session '\(id)'.")
            return nil
        }
        return id
    }
}
