/// Text broken into lines at spaces, for tables that must fit an 80-column terminal without
/// cutting what people wrote; a word longer than the width gets a line of its own.
enum Wrap {
    static func lines(_ text: String, width: Int) -> [String] {
        var lines: [String] = [], current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        return lines + (current.isEmpty ? [] : [current])
    }

    /// `text` as it is when it fits (its spacing, such as a padded column, kept), else wrapped.
    static func fitted(_ text: String, width: Int) -> [String] {
        text.count <= width ? [text] : lines(text, width: width)
    }
}
