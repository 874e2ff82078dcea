/// The tags of a Mustache template that `Templates` checks before anything is rendered: partial
/// and parent tags (`{{> name}}`, `{{< name}}`) and set-delimiter tags (`{{=<% %>=}}`).
///
/// A scan by hand, Character by Character as a Regex would match them: the two Regexes it
/// replaces were two thirds of loading the templates, which every `remind` from cron does even
/// with nothing to send (docs/performance.md, start-up). Text that is all ASCII (every template
/// we know of) is scanned byte by byte, which finds the same tags: each byte is then one
/// Character, but for CR LF, and both of those are whitespace alike.
enum MustacheTags {
    /// The names in `{{> name}}` and `{{< name}}` tags, as written, without the spaces around
    /// them: what `\{\{\s*[<>]\s*([^}]*?)\s*\}\}` captures, match after match.
    static func partialNames(in text: String) -> [String] {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return partialNames(in: Array(text.utf8)).map { String(decoding: $0, as: UTF8.self) }
        }
        return partialNames(in: Array(text)).map { String($0) }
    }

    /// Whether a tag sets other delimiters (`{{=`, spaces allowed between), after which the
    /// partial tags could not be found.
    static func setsDelimiters(_ text: String) -> Bool {
        text.utf8.allSatisfy({ $0 < 0x80 }) ? setsDelimiters(Array(text.utf8)) : setsDelimiters(Array(text))
    }

    private static func partialNames<Unit: TagUnit>(in units: [Unit]) -> [ArraySlice<Unit>] {
        var names: [ArraySlice<Unit>] = []
        var index = 0
        while let open = opening(in: units, from: index) {
            var cursor = skippingSpaces(in: units, from: open)
            guard cursor < units.count, units[cursor] == Unit(">") || units[cursor] == Unit("<") else {
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
            names.append(units[start..<end])
            index = cursor + 2
        }
        return names
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
