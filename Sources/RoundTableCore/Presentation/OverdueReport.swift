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
        var out = ["Overdue as of \(asOf): \(Plural.count(items.count, "item"))", ""]
        for item in items {
            let owners = item.owners.map { schedule.member($0)?.name ?? $0 }.joined(separator: ", ")
            let days = Plural.count(item.daysOverdue, "day")
            let headline = item.kind == .action ? "action \(item.item) from \(item.session)" : "\(item.item) of \(item.session)"
            let detail = item.kind == .action ? item.text : schedule.session(item.session)?.subject ?? item.text
            // Wrapped, never cut: a long name or text goes on over the next lines, indented.
            let head = Wrap.fitted("\(days.padding(9)) \(owners.padding(18)) due \(item.due)  \(headline)", width: 80)
            out += head.prefix(1) + head.dropFirst().flatMap { Wrap.lines($0, width: 70) }.map { "          " + $0 }
            out += Wrap.lines(detail, width: 70).map { "          " + $0 }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
