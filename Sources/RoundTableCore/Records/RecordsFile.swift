import ICalendar
import Yams

/// The YAML form of `Records`: what `dump` writes, `import` reads, and seeds/ holds.
///
/// ```yaml
/// series: ajc-plg-2012
/// completions:
///   - {session: rt1, stage: plan, on: 2012-03-20}
/// actions:
///   - {id: A1, session: rt1, owner: dan, text: Circulate the partnership models paper, due: 2012-06-21, done: 2012-06-01}
/// ```
/// Writing is deterministic (completions by session then stage, actions by number), so a dump
/// imported into an empty state dumps to the same bytes.
public enum RecordsFile {
    /// The records, or nil with every located error. Ids are checked against the schedule.
    public static func read(_ text: String, file: String, schedule: Schedule) -> (Records?, [Diagnostic]) {
        var r = YAMLReader(file: file)
        guard let root = r.compose(text),
              let top = r.mapping(root, "The records file", allowed: ["series", "completions", "actions"], required: ["series"]),
              let series = r.string(top["series"], "The series") else {
            return (nil, r.diagnostics)
        }
        if series != schedule.series.id {
            r.report(top["series"], "These records are for series '\(series)', but the schedule is '\(schedule.series.id)'.")
        }
        var records = Records(series: series)
        for item in list(top["completions"], "'completions'", &r) {
            guard let m = r.mapping(item, "A completion", allowed: ["session", "stage", "on"], required: ["session", "stage", "on"]),
                  let session = sessionID(m["session"], schedule, &r),
                  let stageName = r.string(m["stage"], "The stage") else { continue }
            guard let stage = Stage(rawValue: stageName) else {
                r.report(m["stage"], "Unknown stage '\(stageName)'. Use plan, hold, writeup or disseminate.")
                continue
            }
            if let on = r.date(m["on"], "The date") { records.completions.append(Completion(session: session, stage: stage, on: on)) }
        }
        var ids: Set<String> = []
        for item in list(top["actions"], "'actions'", &r) {
            guard let m = r.mapping(item, "An action", allowed: ["id", "session", "owner", "text", "due", "due-follows", "done", "dropped",
                                                              "reason", "history"],
                                    required: ["id", "session", "owner", "text", "due"]),
                  let id = r.string(m["id"], "The action id") else { continue }
            guard id.hasPrefix("A"), let n = Int(id.dropFirst()), n > 0 else {
                r.report(m["id"], "Action ids look like 'A7'; '\(id)' does not.")
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
            if let owner, let session, let text, let due, schedule.member(owner) != nil {
                records.actions.append(Action(id: id, session: session, owner: owner, text: text, due: due, followsNextSession: follows,
                                              done: done, dropped: dropped.map { Action.Dropped(on: $0, reason: reason) },
                                              history: history))
            }
        }
        return r.diagnostics.isEmpty ? (records, []) : (nil, r.diagnostics)
    }

    /// The records as YAML text.
    public static func write(_ records: Records) throws -> String {
        let completions = records.completions
            .sorted { ($0.session, $0.stage) < ($1.session, $1.stage) }
            .map { c -> Node in flow(["session": c.session, "stage": c.stage.rawValue, "on": c.on.description], order: ["session", "stage", "on"]) }
        let actions = records.actions
            .sorted { Int($0.id.dropFirst()) ?? 0 < Int($1.id.dropFirst()) ?? 0 }
            .map(actionNode)
        let root = Node([
            (Node("series"), Node(records.series)),
            (Node("completions"), Node(completions)),
            (Node("actions"), Node(actions)),
        ])
        return "# roundtable records: import with `roundtable import FILE`\n" + (try Yams.serialize(node: root, width: -1, allowUnicode: true))
    }

    /// One action as a flow mapping, its history (if any) a list of flow mappings inside it.
    private static func actionNode(_ a: Action) -> Node {
        var fields = ["id": a.id, "session": a.session, "owner": a.owner, "text": a.text, "due": a.due.description]
        if a.followsNextSession { fields["due-follows"] = "next-session" }
        if let done = a.done { fields["done"] = done.description }
        if let dropped = a.dropped {
            fields["dropped"] = dropped.on.description
            fields["reason"] = dropped.reason
        }
        var pairs = pairs(fields, order: ["id", "session", "owner", "text", "due", "due-follows", "done", "dropped", "reason"])
        if !a.history.isEmpty {
            let changes: [Node] = a.history.map { c in
                flow(["on": c.on.description, "field": c.field.rawValue, "before": c.before, "after": c.after],
                     order: ["on", "field", "before", "after"])
            }
            pairs.append((Node("history"), Node(changes, .implicit, .flow)))
        }
        return Node(pairs, .implicit, .flow)
    }

    private static func change(in node: Node, of id: String, _ r: inout YAMLReader) -> Action.Change? {
        guard let m = r.mapping(node, "A change of \(id)", allowed: ["on", "field", "before", "after"], required: ["on", "field", "before", "after"]),
              let on = r.date(m["on"], "The day of the change"), let name = r.string(m["field"], "The field") else { return nil }
        guard let field = Action.Change.Field(rawValue: name) else {
            r.report(m["field"], "Unknown field '\(Shown.excerpt(name))'; a change is to the text, owner or due.")
            return nil
        }
        return Action.Change(on: on, field: field, before: r.string(m["before"], "The value before") ?? "", after: r.string(m["after"], "The value after") ?? "")
    }

    private static func flow(_ fields: [String: String], order: [String]) -> Node {
        Node(pairs(fields, order: order), .implicit, .flow)
    }

    private static func pairs(_ fields: [String: String], order: [String]) -> [(Node, Node)] {
        order.compactMap { key in fields[key].map { (Node(key), Node($0)) } }
    }

    private static func list(_ node: Node?, _ what: String, _ r: inout YAMLReader) -> [Node] {
        guard let node else { return [] }
        if let items = node.sequence { return Array(items) }
        if r.string(node, what) == nil { return [] }
        r.report(node, "\(what) should be a list.")
        return []
    }

    private static func sessionID(_ node: Node?, _ schedule: Schedule, _ r: inout YAMLReader) -> String? {
        guard let id = r.string(node, "The session") else { return nil }
        guard schedule.session(id) != nil else {
            r.report(node, "Unknown session '\(id)'.")
            return nil
        }
        return id
    }
}
