/// A node of a YAML document as the files we read need it: a scalar's text and style, a
/// sequence, or a mapping as its pairs in file order, each with the line and column it starts at.
///
/// Plain values, built straight from libyaml's events by `YAMLComposer`: no tag resolution, no
/// anchors kept, so reading a schedule costs little more than libyaml's own parse. Two nodes are
/// equal (and hash alike) when they are the same YAML value: same kind, text and tag, whatever
/// their style or position, which is what makes two keys of a mapping duplicates.
public struct YAMLNode: Hashable, Sendable {
    /// How a scalar was written; only a plain one can be YAML's null (`~`, `null`, nothing).
    public enum Style: Sendable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// What the node holds.
    public enum Content: Sendable {
        case scalar(String, Style)
        case sequence([YAMLNode])
        case mapping([(key: YAMLNode, value: YAMLNode)])
    }

    public let content: Content
    /// 1-based, where the node starts (as Yams and editors count).
    public let line: Int
    public let column: Int
    /// An explicit tag other than its kind's own (`!!int`, `!local`); nil for almost every node.
    /// Only told apart when comparing keys: `a` and `!!int a` are two keys, as they were to Yams.
    let tag: String?

    init(_ content: Content, line: Int, column: Int, tag: String? = nil) {
        self.content = content
        self.line = line
        self.column = column
        self.tag = tag
    }

    /// The text of a scalar; nil for a sequence or mapping.
    public var string: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }

    /// Whether the node is YAML's empty value: nothing, `~` or `null`, unquoted.
    public var isNull: Bool {
        guard case .scalar(let text, .plain) = content else { return false }
        return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }

    /// The items of a sequence; nil for a scalar or mapping.
    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The pairs of a mapping in file order; nil for a scalar or sequence.
    public var mapping: [(key: YAMLNode, value: YAMLNode)]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// The value of a mapping's untagged key `key` (the last, were it written twice).
    public subscript(key: String) -> YAMLNode? {
        mapping?.last { $0.key.tag == nil && $0.key.string == key }?.value
    }

    public static func == (a: YAMLNode, b: YAMLNode) -> Bool {
        guard a.tag == b.tag else { return false }
        // One side at a time: matching a tuple of both contents would copy them, the most of
        // what comparing two keys costs.
        switch a.content {
        case .scalar(let x, _):
            guard case .scalar(let y, _) = b.content else { return false }
            return x == y
        case .sequence(let x):
            guard case .sequence(let y) = b.content else { return false }
            return x == y
        case .mapping(let x):
            guard case .mapping(let y) = b.content else { return false }
            return x.elementsEqual(y) { $0.key == $1.key && $0.value == $1.value }
        }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(tag)
        switch content {
        case .scalar(let text, _):
            hasher.combine(text)
        case .sequence(let items):
            hasher.combine(1 as UInt8)
            hasher.combine(items)
        case .mapping(let pairs):
            hasher.combine(2 as UInt8)
            for (key, value) in pairs {
                hasher.combine(key)
                hasher.combine(value)
            }
        }
    }

    /// Yams' order of keys, kept so a duplicate-key error is located where Yams put it (at the
    /// first of the smallest duplicated key): scalars by text, sequences item by item, mappings
    /// key by key; nodes of different kinds are unordered.
    static func yamsOrder(_ a: YAMLNode, _ b: YAMLNode) -> Bool {
        switch (a.content, b.content) {
        case let (.scalar(x, _), .scalar(y, _)): return x < y
        case let (.sequence(x), .sequence(y)): return lexicographic(x, y)
        case let (.mapping(x), .mapping(y)): return lexicographic(x.map(\.key), y.map(\.key))
        default: return false
        }
    }

    private static func lexicographic(_ a: [YAMLNode], _ b: [YAMLNode]) -> Bool {
        for (x, y) in zip(a, b) {
            if yamsOrder(x, y) { return true }
            if yamsOrder(y, x) { return false }
        }
        return a.count < b.count
    }
}
