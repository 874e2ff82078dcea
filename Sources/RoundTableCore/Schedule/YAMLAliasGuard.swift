import CYaml

/// Refuses YAML whose aliases would make reading it explode, before Yams builds the tree.
///
/// An alias costs nothing to parse but stands for a copy of its anchor's whole subtree, so a
/// few kilobytes of nested aliases ("billion laughs") stand for billions of values: reading them
/// takes forever, and as mapping keys they make Yams' duplicate-key check hash every copy. This
/// walks libyaml's event stream once (the same parser Yams uses), keeping each anchor's expanded
/// size, and refuses an alias used as a key or aliases that add more than `expansionLimit`
/// values in all. A file without aliases is never refused: its size is bounded by the text's.
enum YAMLAliasGuard {
    /// Values that aliases may add to a file, in all: far above any hand-written reuse of a
    /// policy block, far below what takes a second to read.
    static let expansionLimit = 100_000

    /// A problem and where it is (1-based line and column), or nil when the aliases are harmless
    /// or the text is not valid YAML (which composing it then reports, located).
    static func problem(in text: String) -> (line: Int, column: Int, message: String)? {
        // No alias without a '*': most files are passed over without a second parse.
        // (A string's bytes searched in place: through its UTF-8 view, the search cost as much as
        // a tenth of composing the file.)
        let star = UInt8(ascii: "*")
        guard text.utf8.withContiguousStorageIfAvailable({ $0.contains(star) }) ?? text.utf8.contains(star) else { return nil }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        var utf8 = Array(text.utf8)
        return utf8.withUnsafeMutableBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var walk = Walk()
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { return nil }
                if let found = walk.take(event) { return found }
            }
            return nil
        }
    }

    /// The state of the walk: open collections and the expanded size of each anchor.
    private struct Walk {
        struct Collection {
            let anchor: String?
            let isMapping: Bool
            var size = 1
            var expectingKey = true
        }

        var open: [Collection] = []
        var anchorSizes: [String: Int] = [:]
        var added = 0

        mutating func take(_ event: yaml_event_t) -> (line: Int, column: Int, message: String)? {
            let line = Int(event.start_mark.line) + 1, column = Int(event.start_mark.column) + 1
            switch event.type {
            case YAML_ALIAS_EVENT:
                let name = Self.string(event.data.alias.anchor) ?? ""
                if open.last?.isMapping == true, open.last?.expectingKey == true {
                    return (line, column, "The alias '*\(Excerpt.of(name))' is used as a key; keys must be written out.")
                }
                let size = anchorSizes[name] ?? 1
                added += size
                if added > YAMLAliasGuard.expansionLimit {
                    return (line, column, "Aliases here stand for more than \(YAMLAliasGuard.expansionLimit) values; "
                        + "write the repeated parts out or use fewer nested aliases.")
                }
                close(size: size, anchor: nil)
            case YAML_SCALAR_EVENT:
                close(size: 1, anchor: Self.string(event.data.scalar.anchor))
            case YAML_SEQUENCE_START_EVENT:
                open.append(Collection(anchor: Self.string(event.data.sequence_start.anchor), isMapping: false))
            case YAML_MAPPING_START_EVENT:
                open.append(Collection(anchor: Self.string(event.data.mapping_start.anchor), isMapping: true))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let done = open.popLast() else { return nil }
                close(size: done.size, anchor: done.anchor)
            default:
                break
            }
            return nil
        }

        /// A node of `size` values is finished: its anchor (if any) remembers the size, and it
        /// counts in the collection around it.
        private mutating func close(size: Int, anchor: String?) {
            if let anchor { anchorSizes[anchor] = size }
            guard !open.isEmpty else { return }
            open[open.count - 1].size = min(open[open.count - 1].size + size, Int.max / 2)
            if open[open.count - 1].isMapping { open[open.count - 1].expectingKey.toggle() }
        }

        private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
        }
    }
}
