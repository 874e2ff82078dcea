/// The tags of a Mustache template that `Templates` checks before anything is rendered: partial
/// and parent tags (`{{> name}}`, `{{< name}}`), how deep sections nest, and set-delimiter tags
/// (`{{=<% %>=}}`).
///
/// A scan by hand, Character by Character as a Regex would match them: the two Regexes it
/// replaces were two thirds of loading the templates, which every `remind` from cron does even
/// with nothing to send (docs/performance.md, start-up). Text that is all ASCII (every template
/// we know of) is scanned byte by byte, which finds the same tags: each byte is then one
/// Character, but for CR LF, and both of those are whitespace alike.
enum MustacheTags {
    /// What `Templates` checks of one template before it is parsed: the partials it includes,
    /// each with the depth of sections it sits in, and the deepest nesting of its sections.
    struct Outline: Equatable {
        /// The names in `{{> name}}` and `{{< name}}` tags, as written, without the spaces around
        /// them (what `\{\{\s*[<>]\s*([^}]*?)\s*\}\}` captures, match after match), and the
        /// number of sections (`#`, `^`, `$`, `<`) open around each.
        var partials: [(name: String, depth: Int)] = []
        /// The most sections open at once.
        var depth = 0

        static func == (a: Outline, b: Outline) -> Bool {
            a.depth == b.depth && a.partials.elementsEqual(b.partials) { $0.name == $1.name && $0.depth == $1.depth }
        }
    }

    /// The partials and section depth of `text`, found in one pass: the parser recurses once per
    /// open section, so depth must be known before it runs.
    static func outline(of text: String) -> Outline {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return outline(of: Array(text.utf8)) { String(decoding: $0, as: UTF8.self) }
        }
        return outline(of: Array(text)) { String($0) }
    }

    /// Whether a tag sets other delimiters (`{{=`, spaces allowed between), after which the
    /// partial tags could not be found.
    static func setsDelimiters(_ text: String) -> Bool {
        text.utf8.allSatisfy({ $0 < 0x80 }) ? setsDelimiters(Array(text.utf8)) : setsDelimiters(Array(text))
    }

    private static func outline<Unit: TagUnit>(of units: [Unit], _ string: (ArraySlice<Unit>) -> String) -> Outline {
        var outline = Outline()
        var depth = 0
        var index = 0
        while let open = opening(in: units, from: index) {
            var cursor = skippingSpaces(in: units, from: open)
            guard cursor < units.count else { break }
            let sigil = units[cursor]
            if sigil == Unit("#") || sigil == Unit("^") || sigil == Unit("$") {
                depth += 1
                outline.depth = max(outline.depth, depth)
            } else if sigil == Unit("/") {
                depth = max(depth - 1, 0)
            }
            guard sigil == Unit(">") || sigil == Unit("<") else {
                index = open - 1
                continue
            }
            cursor = skippingSpaces(in: units, from: cursor + 1)
            let start = cursor
            while cursor < units.count, units[cursor] != Unit("}") { cursor += 1 }
            guard cursor + 1 < units.count, units[cursor + 1] == Unit("}") else {
                index = open - 1
                continue
            }
            var end = cursor
            while end > start, units[end - 1].isSpace { end -= 1 }
            outline.partials.append((string(units[start..<end]), depth))
            if sigil == Unit("<") {
                depth += 1
                outline.depth = max(outline.depth, depth)
            }
            index = cursor + 2
        }
        return outline
    }

    private static func setsDelimiters<Unit: TagUnit>(_ units: [Unit]) -> Bool {
        var index = 0
        while let open = opening(in: units, from: index) {
            let cursor = skippingSpaces(in: units, from: open)
            if cursor < units.count, units[cursor] == Unit("=") { return true }
            index = open - 1
        }
        return false
    }

    /// The index just after the next `{{` at or after `index`.
    private static func opening<Unit: TagUnit>(in units: [Unit], from index: Int) -> Int? {
        var at = index
        while at + 1 < units.count {
            if units[at] == Unit("{") && units[at + 1] == Unit("{") { return at + 2 }
            at += 1
        }
        return nil
    }

    private static func skippingSpaces<Unit: TagUnit>(in units: [Unit], from index: Int) -> Int {
        var at = index
        while at < units.count, units[at].isSpace { at += 1 }
        return at
    }
}

/// What a template is scanned in: its Characters, or its bytes when it is all ASCII.
private protocol TagUnit: Equatable {
    /// The unit of an ASCII mark such as `{`.
    init(_ mark: Unicode.Scalar)
    /// Whether it is whitespace (Unicode's White_Space, which in ASCII is tab to CR and space).
    var isSpace: Bool { get }
}

extension Character: TagUnit {
    var isSpace: Bool { isWhitespace }
}

extension UInt8: TagUnit {
    init(_ mark: Unicode.Scalar) { self.init(ascii: mark) }
    var isSpace: Bool { self == 0x20 || (0x09...0x0D).contains(self) }
}
