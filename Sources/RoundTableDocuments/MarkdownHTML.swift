import CCmarkGFM
import Foundation

/// The report's Markdown as HTML, through cmark-gfm (GitHub's CommonMark parser, with its table
/// and strikethrough extensions), with nothing live in it.
///
/// Why cmark-gfm: learning points are written by rapporteurs, and the parser must take any text
/// in time linear in its size. Ink, used before, backtracked: a line of 30 `[` took minutes, and
/// 10,000 overflowed its stack. cmark is a C library built for exactly that promise (its tests
/// include pathological inputs), Debian carries it, and a fuzz target (`fuzz-report`) holds us
/// to it with a time limit per input.
///
/// Raw HTML is shown as text (values reach the Markdown through `MarkdownText`, so only a
/// template could hold any), and a link or image whose address could run code in the page
/// (`javascript:`, `data:`, `vbscript:`…) is reduced to its text, an image to nothing; web and
/// mail addresses, and addresses without a scheme, are kept.
public enum MarkdownHTML {
    public static func html(from markdown: String) -> String {
        cmark_gfm_core_extensions_ensure_registered()
        guard let parser = cmark_parser_new(CMARK_OPT_VALIDATE_UTF8) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough"] {
            if let extensionHandle = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, extensionHandle) }
        }
        var text = markdown
        text.withUTF8 { cmark_parser_feed(parser, $0.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }, $0.count) }
        guard let root = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(root) }
        neutralise(root)
        guard let html = cmark_render_html(root, CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    /// Raw HTML made text and unsafe links and images dropped, in place. The nodes are collected
    /// first, in document order: cmark's iterator must not walk a tree that is being changed.
    private static func neutralise(_ root: OpaquePointer) {
        var changes: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(root) else { return }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HTML_INLINE, CMARK_NODE_HTML_BLOCK: changes.append(node)
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                if !isSafe(cmark_node_get_url(node).map { String(cString: $0) } ?? "") { changes.append(node) }
            default: break
            }
        }
        cmark_iter_free(iterator)
        // Innermost first: an image removed frees the nodes inside it, which must not be
        // visited afterwards (an unsafe image inside an unsafe image once hung the fuzzer).
        for node in changes.reversed() {
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HTML_INLINE: replaceWithText(node, inParagraph: false)
            case CMARK_NODE_HTML_BLOCK: replaceWithText(node, inParagraph: true)
            case CMARK_NODE_LINK:
                while let child = cmark_node_first_child(node) { cmark_node_insert_before(node, child) }
                cmark_node_unlink(node)
                cmark_node_free(node)
            default:
                cmark_node_unlink(node)
                cmark_node_free(node)
            }
        }
    }

    /// `node` (raw HTML) replaced by its literal as text, in a paragraph of its own for a block.
    private static func replaceWithText(_ node: OpaquePointer, inParagraph: Bool) {
        let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
        guard let text = cmark_node_new(CMARK_NODE_TEXT) else { return }
        cmark_node_set_literal(text, inParagraph ? String(literal.trimmingSuffix { $0.isNewline }) : literal)
        var replacement = text
        if inParagraph, let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH) {
            cmark_node_append_child(paragraph, text)
            replacement = paragraph
        }
        cmark_node_replace(node, replacement)
        cmark_node_free(node)
    }

    /// Whether a link's address is safe in the page: web and mail addresses, and addresses
    /// without a scheme (a page of the same site, an anchor). Whitespace and control characters,
    /// which browsers skip inside a scheme, are skipped here too.
    static func isSafe(_ address: String) -> Bool {
        let kept = address.unicodeScalars.filter { !$0.properties.isWhitespace && $0.value >= 0x20 }
        let text = String(String.UnicodeScalarView(kept)).lowercased()
        let scheme = text.prefix { $0 != ":" && $0 != "/" && $0 != "?" && $0 != "#" }
        guard scheme.count < text.count, text[text.index(text.startIndex, offsetBy: scheme.count)] == ":" else { return true }
        return ["http", "https", "mailto"].contains(scheme)
    }
}

private extension String {
    /// The string without the characters at its end that satisfy `drop`.
    func trimmingSuffix(while drop: (Character) -> Bool) -> Substring {
        var end = endIndex
        while end > startIndex, drop(self[index(before: end)]) { end = index(before: end) }
        return self[..<end]
    }
}
