/// What `overdue --json` prints (schema roundtable.overdue/1, docs/json.md).
public struct OverdueReport: Codable, Hashable, Sendable {
    public var schema = "roundtable.overdue/1"
    public let series: String
    public let asOf: String
    public let items: [OverdueItem]

    public init(series: String, asOf: String, items: [OverdueItem]) {
        self.series = series
        self.asOf = asOf
        self.items = items
    }
}

/// The human form of `overdue`: one line per late item, the person to chase in front.
public enum OverdueTable {
    public static func render(_ items: [OverdueItem], schedule: Schedule, asOf: some CustomStringConvertible) -> String {
        var out = ["Overdue as of \(asOf): \(items.count) item\(items.count == 1 ? "" : "s")", ""]
        out.append("DAYS  OWNER            DUE         WHAT")
        for item in items {
            let owners = item.owners.map { schedule.member($0)?.name ?? $0 }.joined(separator: ", ")
            let what = item.kind == "action" ? "\(item.item) (\(item.session)): \(item.text)" : item.text
            let line = "\(String(item.daysOverdue).padding(5)) \(owners.padding(16)) \(item.due)  \(what)"
            out.append(String(line.prefix(80)))
        }
        return out.joined(separator: "\n") + "\n"
    }
}
