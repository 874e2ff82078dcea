/// What `action list` shows; `--json` prints it as schema roundtable.actions/1 (docs/json.md).
public struct ActionListReport: Codable, Hashable, Sendable {
    public var schema = "roundtable.actions/1"
    public let series: String
    public let actions: [Entry]

    /// One action; `done` is null while it is open.
    public struct Entry: Codable, Hashable, Sendable {
        public let id: String
        public let session: String
        public let owner: String
        public let text: String
        public let due: String
        public let done: String?
    }

    public init(series: String, actions: [Action]) {
        self.series = series
        self.actions = actions.map {
            Entry(id: $0.id, session: $0.session, owner: $0.owner, text: $0.text, due: $0.due.description, done: $0.done?.description)
        }
    }

    /// One line per action, fitting 80 columns.
    public func table() -> String {
        guard !actions.isEmpty else { return "No actions.\n" }
        return actions.map { a in
            let state = a.done.map { "done \($0)" } ?? "open"
            return String("\(a.id.padding(4)) \(a.session.padding(10)) \(a.owner.padding(8)) due \(a.due)  \(state.padding(15)) \(a.text)".prefix(80))
        }.joined(separator: "\n") + "\n"
    }
}
