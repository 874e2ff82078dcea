/// What `overdue --json` prints (schema roundtable.overdue/1, docs/json.md).
public struct OverdueReport: Codable, Hashable, Sendable {
    public var schema = "roundtable.overdue/1"
    public let series: String
    public let asOf: String
    public let items: [OverdueItem]
    /// Rapporteurs and facilitators who declined a session ahead: not late, but the organiser
    /// must act on them before the session, so they count like a late item for the exit code.
    public let toActOn: [RoleDecline]

    public init(series: String, asOf: String, items: [OverdueItem], toActOn: [RoleDecline] = []) {
        self.series = series
        self.asOf = asOf
        self.items = items
        self.toActOn = toActOn
    }

    /// Whether anything needs someone to act: what `overdue`'s exit code 1 says.
    public var needsAction: Bool { !items.isEmpty || !toActOn.isEmpty }
}

/// The human form of `overdue`: two lines per late item, the person to chase in front.
public enum OverdueTable {
    public static func render(_ items: [OverdueItem], toActOn declines: [RoleDecline] = [], schedule: Schedule,
                              asOf: some CustomStringConvertible) -> String {
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
        if !declines.isEmpty {
            out += ["", "To act on: \(declines.count) declined role\(declines.count == 1 ? "" : "s")", ""]
            out += declines.flatMap { Wrap.lines($0.text(in: schedule), width: 78).map { "  " + $0 } }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
