import CalendarTime

/// What `action list` shows; `--json` prints it as schema roundtable.actions/1 (docs/json.md).
public struct ActionListReport: Codable, Hashable, Sendable {
    public var schema = "roundtable.actions/1"
    public let series: String
    public let actions: [Entry]

    /// One action; `done` and `dropped` are null while it is open.
    public struct Entry: Codable, Hashable, Sendable {
        public let id: String
        public let session: String
        public let owner: String
        public let text: String
        public let due: String
        /// Whether `due` is the next session's day, following it when it moves.
        public let followsNextSession: Bool
        public let done: String?
        public let dropped: String?
        public let droppedReason: String?
        /// Every edit, oldest first.
        public let history: [Change]
    }

    /// One edit: on which day, which field, from what to what.
    public struct Change: Codable, Hashable, Sendable {
        public let on: String
        public let field: String
        public let before: String
        public let after: String
    }

    public init(series: String, actions: [Action]) {
        self.series = series
        self.actions = actions.map {
            Entry(id: $0.id, session: $0.session, owner: $0.owner, text: $0.text, due: $0.due.description,
                  followsNextSession: $0.followsNextSession, done: $0.done?.description, dropped: $0.dropped?.on.description,
                  droppedReason: $0.dropped?.reason,
                  history: $0.history.map { Change(on: $0.on.description, field: $0.field.rawValue, before: $0.before, after: $0.after) })
        }
    }

    /// A line of facts per action and its whole text below it, wrapped to fit 80 columns.
    public func table() -> String {
        guard !actions.isEmpty else { return "No actions.\n" }
        return actions.map { a in
            let state = a.done.map { "done \($0)" } ?? a.dropped.map { "dropped \($0)" } ?? "open"
            var lines = ["\(a.id.padding(4)) \(a.session.padding(10)) \(a.owner.padding(8)) due \(a.due)  \(state)"]
            lines += Wrap.lines(a.text, width: 74).map { "      " + $0 }
            if let reason = a.droppedReason { lines += Wrap.lines("(dropped: \(reason))", width: 74).map { "      " + $0 } }
            return lines.joined(separator: "\n")
        }.joined(separator: "\n") + "\n"
    }
}
