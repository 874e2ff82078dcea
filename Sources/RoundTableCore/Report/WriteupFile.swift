/// The learning points a rapporteur wrote into a write-up, read back by heading.
///
/// The skeleton puts each discussion area under `### Area` inside `## Discussion and learning
/// points`, with an empty `- ` bullet to fill in; a point is any bullet with text there. This
/// reads our own skeleton's shape, not Markdown at large: other sections are left alone.
public struct WriteupFile: Hashable, Sendable {
    /// One discussion area and its learning points, in the order written.
    public struct Area: Hashable, Sendable {
        public let name: String
        public var points: [String]
    }

    public let areas: [Area]

    /// Reads the text of a write-up.
    public init(text: String) {
        var areas: [Area] = []
        var inDiscussion = false
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("## ") {
                inDiscussion = line.lowercased().hasPrefix("## discussion")
            } else if inDiscussion, line.hasPrefix("### ") {
                areas.append(Area(name: String(line.dropFirst(4)).trimmingCharacters(in: .whitespaces), points: []))
            } else if inDiscussion, line.hasPrefix("- ") || line.hasPrefix("* "), !areas.isEmpty {
                let point = line.dropFirst(2).trimmingCharacters(in: .whitespaces)
                if !point.isEmpty { areas[areas.count - 1].points.append(point) }
            }
        }
        self.areas = areas
    }

    /// Whether anyone has written a learning point yet (an untouched skeleton has none).
    public var hasLearningPoints: Bool { areas.contains { !$0.points.isEmpty } }
}
