import Foundation

/// The learning points a rapporteur wrote into a write-up, read back by heading.
///
/// The skeleton puts each discussion area under `### Area` inside `## Discussion and learning
/// points`. Under an area, a point is whatever the rapporteur wrote, in whichever form: each
/// bullet (`-`, `*`, `+`, `•`) or numbered item (`1.`, `1)`) is one point, lines that continue it
/// included; each paragraph of prose is one point. Guidance in `<!-- -->` comments and the
/// skeleton's empty `- ` are not points. Other sections are left alone.
public struct WriteupFile: Hashable, Sendable {
    /// One discussion area and its learning points, in the order written.
    public struct Area: Hashable, Sendable {
        public let name: String
        public var points: [String]

        /// The marker a rapporteur ends an area's heading with to keep it inside the group.
        public static let groupOnlyMarker = "(group only)"

        /// Whether the area is for the group only (`### Cultural issues (group only)`): members
        /// get it, `report --public` leaves it out.
        public var isGroupOnly: Bool { name.lowercased().hasSuffix(Self.groupOnlyMarker) }
    }

    public let areas: [Area]

    /// Reads the text of a write-up.
    public init(text: String) {
        var areas: [Area] = []
        var inDiscussion = false
        var point: [Substring] = []
        func finishPoint() {
            if !point.isEmpty, !areas.isEmpty {
                areas[areas.count - 1].points.append(point.joined(separator: " "))
            }
            point = []
        }
        for raw in Self.published(text).split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("#") {
                finishPoint()
                if line.hasPrefix("## ") { inDiscussion = line.lowercased().hasPrefix("## discussion") }
                if inDiscussion, line.hasPrefix("### ") {
                    areas.append(Area(name: String(line.dropFirst(4)).trimmingCharacters(in: .whitespaces), points: []))
                }
            } else if !inDiscussion || areas.isEmpty {
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
        self.areas = areas
    }

    /// How many areas with learning points are for the group only.
    public var groupOnlyAreas: Int { areas.filter { $0.isGroupOnly && !$0.points.isEmpty }.count }

    /// Whether anyone has written a learning point yet (an untouched skeleton has none).
    public var hasLearningPoints: Bool { areas.contains { !$0.points.isEmpty } }

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
