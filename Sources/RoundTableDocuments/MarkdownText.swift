/// Text from the schedule, the records and the write-ups made safe to put into the report's
/// Markdown, which `MarkdownHTML` then turns into the HTML page.
///
/// Markdown passes raw HTML through and reads `[x](javascript:…)` as a link, so a title, a name
/// or an action text could put a live `<script>` into the page, and a lone `<` could swallow the
/// rest of it as an unfinished HTML block. Characters are replaced by HTML entities, which every
/// Markdown reader takes as the character itself, never as markup.
public enum MarkdownText {
    /// A plain value (a title, a place, a name, an action text): shown exactly as written,
    /// nothing in it read as Markdown or HTML.
    static func literal(_ text: String) -> String {
        replacing(text, in: literalEntities)
    }

    /// A learning point, which the rapporteur writes in Markdown: emphasis and links stay, raw
    /// HTML is shown as text (links to other than web and mail addresses are dropped by
    /// `MarkdownHTML`).
    public static func point(_ text: String) -> String {
        replacing(text, in: htmlEntities)
    }

    private static let htmlEntities: [Character: String] = ["&": "&amp;", "<": "&lt;", ">": "&gt;"]

    private static let literalEntities: [Character: String] = htmlEntities.merging([
        "*": "&#42;", "_": "&#95;", "`": "&#96;", "[": "&#91;", "]": "&#93;", "|": "&#124;", "~": "&#126;", "\\": "&#92;",
        "#": "&#35;", "!": "&#33;",
    ]) { first, _ in first }

    private static func replacing(_ text: String, in entities: [Character: String]) -> String {
        guard text.contains(where: { entities[$0] != nil }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            if let entity = entities[character] { out += entity } else { out.append(character) }
        }
        return out
    }
}
