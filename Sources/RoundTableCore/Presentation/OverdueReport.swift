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

/// The human form of `overdue`: two lines per late item, the person to chase in front.
public enum OverdueTable {
    public static func render(_ items: [OverdueItem], schedule: Schedule, asOf: some CustomStringConvertible) -> String {
        var out = ["Overdue as of \(asOf): \(items.count) item\(items.count == 1 ? "" : "s")", ""]
        for item in items {
            let owners = item.owners.map { schedule.member($0)?.name ?? $0 }.joined(separator: ", ")
            let days = "\(item.daysOverdue) day\(item.daysOverdue == 1 ? "" : "s")"
            let headline = item.kind == .action ? "action \(item.item) from \(item.session)" : "\(item.item) of \(item.session)"
            let detail = item.kind == .action ? item.text : schedule.session(item.session)?.subject ?? item.text
            out.append(String("\(days.padding(9)) \(owners.padding(18)) due \(item.due)  \(headline)".prefix(80)))
            out.append(String("          \(detail)".prefix(80)))
        }
        return out.joined(separator: "\n") + "\n"
    }
}
