import CYaml

/// Builds the `YAMLNode` tree of a one-document YAML text from libyaml's event stream.
///
/// It stands where `Yams.compose` stood, and fails as Yams did, so every message a person saw
/// stays the same: libyaml's own problem at its mark (1-based), an undefined alias, a second
/// document, Yams' duplicate-key check at each mapping's end. What it leaves out is what made
/// Yams cost four times libyaml's parse: a class per event and per tag, tag resolution, and
/// a dictionary of whole nodes per mapping.
enum YAMLComposer {
    /// Why a text has no tree.
    enum Failure: Error, Equatable {
        /// libyaml refused the text, or it is not one document; the problem in libyaml's words.
        case syntax(problem: String, line: Int, column: Int)
        /// libyaml could not read the text as characters (a control character, say).
        case unreadable(problem: String)
        /// A mapping has keys written more than once (their texts, sorted), located at the first
        /// of the smallest such key.
        case duplicateKeys([String], line: Int, column: Int)
        /// libyaml ran out of memory.
        case memory
    }

    /// The tree of the text's only document; nil when the text holds no document at all.
    static func compose(_ text: String) throws(Failure) -> YAMLNode? {
        var bytes = Array(text.utf8)
        let count = bytes.count
        // libyaml wants an address even for no bytes.
        bytes.append(0)
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { throw .memory }
        defer { yaml_parser_delete(&parser) }
        let result: Result<YAMLNode?, Failure> = bytes.withUnsafeBufferPointer { buffer in
            withUnsafeMutablePointer(to: &parser) { parser in
                yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
                yaml_parser_set_input_string(parser, buffer.baseAddress, count)
                var walk = Walk(parser: parser)
                return Result { () throws(Failure) in try walk.document() }
            }
        }
        return try result.get()
    }

    /// One pass over the events, in the order Yams composed them.
    private struct Walk {
        let parser: UnsafeMutablePointer<yaml_parser_t>
        /// Each anchor's node, the latest of a name winning (anchors may be redefined).
        var anchors: [String: YAMLNode] = [:]

        init(parser: UnsafeMutablePointer<yaml_parser_t>) { self.parser = parser }

        /// What an event says, copied out of libyaml's memory.
        enum Event {
            case streamStart, streamEnd, documentEnd, sequenceEnd, mappingEnd
            case documentStart(line: Int, column: Int)
            case scalar(YAMLNode, anchor: String?)
            case sequenceStart(line: Int, column: Int, tag: String?, anchor: String?)
            case mappingStart(line: Int, column: Int, tag: String?, anchor: String?)
            case alias(String, line: Int, column: Int)
        }

        mutating func document() throws(Failure) -> YAMLNode? {
            _ = try next()  // the stream's start
            if case .streamEnd = try next() { return nil }
            let root = try node(from: try next())
            _ = try next()  // the document's end
            guard case .documentStart(let line, let column) = try next() else { return root }
            throw .syntax(problem: "but found another document", line: line, column: column)
        }

        private mutating func node(from event: Event) throws(Failure) -> YAMLNode {
            switch event {
            case .scalar(let node, let anchor):
                register(node, as: anchor)
                return node
            case .alias(let name, let line, let column):
                guard let node = anchors[name] else { throw .syntax(problem: "found undefined alias", line: line, column: column) }
                return node
            case .sequenceStart(let line, let column, let tag, let anchor):
                var items: [YAMLNode] = []
                while true {
                    let event = try next()
                    if case .sequenceEnd = event { break }
                    items.append(try node(from: event))
                }
                let node = YAMLNode(.sequence(items), line: line, column: column, tag: tag)
                register(node, as: anchor)
                return node
            case .mappingStart(let line, let column, let tag, let anchor):
                var pairs: [(key: YAMLNode, value: YAMLNode)] = []
                while true {
                    let event = try next()
                    if case .mappingEnd = event { break }
                    let key = try node(from: event)
                    pairs.append((key, try node(from: try next())))
                }
                try Self.refuseDuplicates(pairs)
                let node = YAMLNode(.mapping(pairs), line: line, column: column, tag: tag)
                register(node, as: anchor)
                return node
            default:
                preconditionFailure("libyaml gives a node here")
            }
        }

        private mutating func register(_ node: YAMLNode, as anchor: String?) {
            if let anchor { anchors[anchor] = node }
        }

        /// Yams' check: keys equal as values (`YAMLNode.==`), reported together.
        private static func refuseDuplicates(_ pairs: [(key: YAMLNode, value: YAMLNode)]) throws(Failure) {
            let duplicated = firstOfEachDuplicatedKey(pairs)
            guard !duplicated.isEmpty else { return }
            let keys = duplicated.map { pairs[$0].key }
            // Yams left keys of different kinds unordered, so its choice among them changed from
            // run to run; here a scalar key is taken before a collection.
            let smallest = keys.dropFirst().reduce(keys[0]) { chosen, key in
                YAMLNode.yamsOrder(key, chosen) || (key.string != nil && chosen.string == nil) ? key : chosen
            }
            throw .duplicateKeys(keys.map { $0.string ?? "<uncovertable>" }.sorted(), line: smallest.line, column: smallest.column)
        }

        /// The index of the first occurrence of each key written more than once, in file order.
        ///
        /// Nearly every mapping is a few untagged scalar keys (a member, a session): their texts
        /// are compared pair by pair, which costs less than hashing them or comparing whole
        /// nodes. Any other mapping is hashed, so none costs the square of its length.
        private static func firstOfEachDuplicatedKey(_ pairs: [(key: YAMLNode, value: YAMLNode)]) -> [Int] {
            var duplicated: Set<Int> = []
            let texts = pairs.indices.map { pairs[$0].key.tag == nil ? pairs[$0].key.string : nil }
            if texts.count <= 16, !texts.contains(nil) {
                for later in texts.indices.dropFirst() {
                    if let first = (0..<later).first(where: { texts[$0] == texts[later] }) { duplicated.insert(first) }
                }
            } else {
                var firstIndex: [YAMLNode: Int] = [:]
                for index in pairs.indices {
                    if let first = firstIndex[pairs[index].key] { duplicated.insert(first) } else { firstIndex[pairs[index].key] = index }
                }
            }
            return duplicated.sorted()
        }

        /// The next event; libyaml's error when it has none.
        private mutating func next() throws(Failure) -> Event {
            var event = yaml_event_t()
            guard yaml_parser_parse(parser, &event) == 1 else { throw Self.failure(of: parser.pointee) }
            defer { yaml_event_delete(&event) }
            let line = Int(event.start_mark.line) + 1, column = Int(event.start_mark.column) + 1
            switch event.type {
            case YAML_SCALAR_EVENT:
                let data = event.data.scalar
                let text = String(decoding: UnsafeBufferPointer(start: data.value, count: data.length), as: UTF8.self)
                let tag = data.quoted_implicit == 1 ? nil : Self.tag(data.tag, default: "tag:yaml.org,2002:str")
                return .scalar(YAMLNode(.scalar(text, Self.style(data.style)), line: line, column: column, tag: tag),
                               anchor: Self.string(data.anchor))
            case YAML_SEQUENCE_START_EVENT:
                let data = event.data.sequence_start
                return .sequenceStart(line: line, column: column, tag: data.implicit != 0 ? nil : Self.tag(data.tag, default: "tag:yaml.org,2002:seq"),
                                      anchor: Self.string(data.anchor))
            case YAML_MAPPING_START_EVENT:
                let data = event.data.mapping_start
                return .mappingStart(line: line, column: column, tag: data.implicit != 0 ? nil : Self.tag(data.tag, default: "tag:yaml.org,2002:map"),
                                     anchor: Self.string(data.anchor))
            case YAML_ALIAS_EVENT:
                return .alias(Self.string(event.data.alias.anchor) ?? "", line: line, column: column)
            case YAML_SEQUENCE_END_EVENT: return .sequenceEnd
            case YAML_MAPPING_END_EVENT: return .mappingEnd
            case YAML_DOCUMENT_START_EVENT: return .documentStart(line: line, column: column)
            case YAML_DOCUMENT_END_EVENT: return .documentEnd
            case YAML_STREAM_START_EVENT: return .streamStart
            default: return .streamEnd
            }
        }

        private static func failure(of parser: yaml_parser_t) -> Failure {
            let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
            switch parser.error {
            case YAML_READER_ERROR: return .unreadable(problem: problem)
            case YAML_MEMORY_ERROR: return .memory
            default: return .syntax(problem: problem, line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1)
            }
        }

        /// A tag as Yams resolved it with its basic resolver: none, `!` and the kind's own tag
        /// are all the kind's own (nil).
        private static func tag(_ pointer: UnsafeMutablePointer<yaml_char_t>?, default name: String) -> String? {
            guard let tag = string(pointer), tag != "!", tag != name else { return nil }
            return tag
        }

        private static func style(_ style: yaml_scalar_style_t) -> YAMLNode.Style {
            switch style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: .literal
            case YAML_FOLDED_SCALAR_STYLE: .folded
            default: .plain
            }
        }

        private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            pointer.map { String(cString: $0) }
        }
    }
}
