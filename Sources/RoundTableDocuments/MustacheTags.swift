/// The tags of a Mustache template that `Templates` checks before anything is rendered: partial
/// and parent tags (`{{> name}}`, `{{< name}}`) and set-delimiter tags (`{{=<% %>=}}`).
///
/// A scan by hand, Character by Character as a Regex would match them: the two Regexes it
/// replaces were two thirds of loading the templates, which every `remind` from cron does even
/// with nothing to send (docs/performance.md, start-up).
enum MustacheTags {
    /// The names in `{{> name}}` and `{{< name}}` tags, as written, without the spaces around
    /// them: what `\{\{\s*[<>]\s*([^}]*?)\s*\}\}` captures, match after match.
    static func partialNames(in text: String) -> [String] {
        let characters = Array(text)
        var names: [String] = []
        var index = 0
        while let open = opening(in: characters, from: index) {
            var cursor = skippingSpaces(in: characters, from: open)
            guard cursor < characters.count, characters[cursor] == ">" || characters[cursor] == "<" else {
                index = open - 1
                continue
            }
            cursor = skippingSpaces(in: characters, from: cursor + 1)
            let start = cursor
            while cursor < characters.count, characters[cursor] != "}" { cursor += 1 }
            guard cursor + 1 < characters.count, characters[cursor + 1] == "}" else {
                index = open - 1
                continue
            }
            var end = cursor
            while end > start, characters[end - 1].isWhitespace { end -= 1 }
            names.append(String(characters[start..<end]))
            index = cursor + 2
        }
        return names
    }

    /// Whether a tag sets other delimiters (`{{=`, spaces allowed between), after which the
    /// partial tags could not be found.
    static func setsDelimiters(_ text: String) -> Bool {
        let characters = Array(text)
        var index = 0
        while let open = opening(in: characters, from: index) {
            let cursor = skippingSpaces(in: characters, from: open)
            if cursor < characters.count, characters[cursor] == "=" { return true }
            index = open - 1
        }
        return false
    }

    /// The index just after the next `{{` at or after `index`.
    private static func opening(in characters: [Character], from index: Int) -> Int? {
        var at = index
        while at + 1 < characters.count {
            if characters[at] == "{" && characters[at + 1] == "{" { return at + 2 }
            at += 1
        }
        return nil
    }

    private static func skippingSpaces(in characters: [Character], from index: Int) -> Int {
        var at = index
        while at < characters.count, characters[at].isWhitespace { at += 1 }
        return at
    }
}
