import Foundation

/// A write-up as every reader takes it: the report, the findings mail, `status` and
/// `disseminate`'s checks all read it through this one type, so what one shows the others do.
///
/// The skeleton puts each discussion area under `### Area` inside `## Discussion and learning
/// points`. Text there above the first area is the write-up's introduction, kept as written. Under
/// an area, a point is whatever the rapporteur wrote, in whichever form: each bullet (`-`, `*`,
/// `+`, `•`) or numbered item (`1.`, `1)`) is one point, lines that continue it included; each
/// paragraph of prose is one point. Guidance in `<!-- -->` comments and the skeleton's empty `- `
/// are not points. Other sections are left alone.
public struct WriteupFile: Hashable, Sendable {
    /// One discussion area and its learning points, in the order written.
    public struct Area: Hashable, Sendable {
        public let name: String
        public var points: [String]
        /// The lines of `text` it spans, its heading included.
        var lines: Range<Int>

        /// The marker a rapporteur ends an area's heading with to keep it inside the group.
        public static let groupOnlyMarker = "(group only)"

        /// Whether the area is for the group only (`### Cultural issues (group only)`): members
        /// get it, `report --public` leaves it out.
        public var isGroupOnly: Bool { name.lowercased().hasSuffix(Self.groupOnlyMarker) }
    }

    /// The write-up as members receive it (`published`): what the findings mail carries.
    public let text: String
    /// The paragraphs (and list items) of the discussion above its first area.
    public let introduction: [String]
    public let areas: [Area]

    /// Reads the text of a write-up.
    public init(text: String) {
        self.text = Self.published(text)
        let lines = self.text.split(separator: "\n", omittingEmptySubsequences: false)
        var areas: [Area] = []
        var introduction: [String] = []
        var inDiscussion = false
        var point: [Substring] = []
        func finishPoint() {
            if !point.isEmpty {
                let joined = point.joined(separator: " ")
                if areas.isEmpty { introduction.append(joined) } else { areas[areas.count - 1].points.append(joined) }
            }
            point = []
        }
        for (index, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("#") {
                finishPoint()
                let endsArea = line.hasPrefix("### ") || line.hasPrefix("## ") || line.hasPrefix("# ")
                if endsArea, let last = areas.indices.last, areas[last].lines.upperBound == lines.count {
                    areas[last].lines = areas[last].lines.lowerBound..<index
                }
                if line.hasPrefix("## ") { inDiscussion = line.lowercased().hasPrefix("## discussion") }
                if inDiscussion, line.hasPrefix("### ") {
                    areas.append(Area(name: String(line.dropFirst(4)).trimmingCharacters(in: .whitespaces), points: [],
                                      lines: index..<lines.count))
                }
            } else if !inDiscussion {
                continue
            } else if line.isEmpty {
                finishPoint()
            } else if let item = Self.listItem(Substring(line)) {
                finishPoint()
                if !item.isEmpty { point = [item] }
            } else {
                point.append(Substring(line))
            }
        }
        finishPoint()
        self.introduction = introduction
        self.areas = areas
    }

    /// How many areas with learning points are for the group only.
    public var groupOnlyAreas: Int { areas.filter { $0.isGroupOnly && !$0.points.isEmpty }.count }

    /// Whether anyone has written a learning point yet (an untouched skeleton has none).
    public var hasLearningPoints: Bool { !introduction.isEmpty || areas.contains { !$0.points.isEmpty } }

    /// The areas that still hold only the skeleton's placeholder (or nothing): an unfinished
    /// write-up, which `disseminate` will not send as it is and `status` calls incomplete.
    public var unfilledAreas: [String] { areas.filter(\.points.isEmpty).map(\.name) }

    /// The same write-up without the areas named: what `disseminate --allow-empty` sends.
    public func leavingOut(_ names: [String]) -> WriteupFile {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let dropped = areas.filter { names.contains($0.name) }.map(\.lines)
        let kept = lines.indices.filter { index in !dropped.contains { $0.contains(index) } }.map { lines[$0] }
        return WriteupFile(text: kept.joined(separator: "\n"))
    }

    /// The write-up as members receive it: without the `<!-- -->` comments that guide the
    /// rapporteur (an unclosed comment runs to the end, as in a browser).
    public static func published(_ text: String) -> String {
        guard text.contains("<!--") else { return text }
        var out = "", rest = Substring(text)
        while let open = rest.range(of: "<!--") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "-->") else { return Self.tidy(out) }
            rest = rest[close.upperBound...]
        }
        return Self.tidy(out + rest)
    }

    /// Lines a removed comment left empty are dropped, and runs of blank lines made one.
    private static func tidy(_ text: String) -> String {
        var lines: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let blank = line.allSatisfy(\.isWhitespace)
            if blank, lines.last.map({ $0.allSatisfy(\.isWhitespace) }) ?? true { continue }
            lines.append(blank ? "" : line)
        }
        return lines.joined(separator: "\n")
    }

    /// The text of a list item (empty for a bare marker), or nil when the line is not one.
    private static func listItem(_ line: Substring) -> Substring? {
        if let first = line.first, "-*+•".contains(first) {
            let rest = line.dropFirst()
            guard rest.isEmpty || rest.first == " " else { return nil }
            return rest.drop(while: { $0 == " " })
        }
        let digits = line.prefix(while: \.isNumber)
        let after = line.dropFirst(digits.count)
        guard !digits.isEmpty, digits.count <= 3, let mark = after.first, mark == "." || mark == ")" else { return nil }
        let rest = after.dropFirst()
        guard rest.isEmpty || rest.first == " " else { return nil }
        return rest.drop(while: { $0 == " " })
    }
}
