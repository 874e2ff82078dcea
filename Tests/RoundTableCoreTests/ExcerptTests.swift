import Testing
@testable import RoundTableCore

/// The one way outside values are quoted in messages.
@Suite struct ExcerptTests {
    @Test(arguments: [
        ("sam@example.org", "sam@example.org"),
        ("a\r\nBcc: x", "a\\r\\nBcc: x"),
        ("\u{1B}[31mred", "\\u{1B}[31mred"),
        ("tab\there", "tab\\there"),
        ("line\u{2028}separator", "line\\u{2028}separator"),
        ("\u{9B}c1", "\\u{9B}c1"),
        (String(repeating: "x", count: 32), String(repeating: "x", count: 32)),
        (String(repeating: "x", count: 33), String(repeating: "x", count: 31) + "…"),
        (String(repeating: "x", count: 29) + "\u{7}", String(repeating: "x", count: 29) + "…"),
    ])
    func controlCharactersAreEscapedAndLongValuesCut(value: String, shown: String) {
        #expect(Excerpt.of(value) == shown)
    }

    @Test func theLimitCountsTheEllipsis() {
        #expect(Excerpt.of(String(repeating: "y", count: 1_000_000), limit: 10) == String(repeating: "y", count: 9) + "…")
        #expect(Excerpt.of("", limit: 10) == "")
    }
}
