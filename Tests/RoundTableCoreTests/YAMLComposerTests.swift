import Testing
@testable import RoundTableCore

/// What a person sees when a YAML file cannot be read: the words and places Yams gave before
/// `YAMLComposer` took its place (each expected line is what the build on Yams printed).
@Suite struct YAMLComposerTests {
    private static func problems(_ text: String) -> [String] {
        var reader = YAMLReader(file: "f.yaml")
        _ = reader.compose(text)
        return reader.diagnostics.map(\.description)
    }

    @Test(arguments: [
        ("series: 1\nmembers: 2\nseries: 3\n", "f.yaml:1:1: error: Duplicated key 'series'."),
        ("b: 1\na: 2\nc: 3\nb: 4\na: 5\n", "f.yaml:2:1: error: Duplicated keys 'a', 'b'."),
        ("a: 1\n!!str a: 2\n\"a\": 3\n", "f.yaml:1:1: error: Duplicated key 'a'."),
        ("a: 1\n? [x, y]\n: 2\n? [x, y]\n: 3\nz: 4\nz: 5\n", "f.yaml:6:1: error: Duplicated keys '<uncovertable>', 'z'."),
        ("m:\n  - {id: a, id: b}\n", "f.yaml:2:6: error: Duplicated key 'id'."),
        ("a: &x 1\nb: *y\n", "f.yaml:2:4: error: Not valid YAML: found undefined alias."),
        ("a: 1\n---\nb: 2\n", "f.yaml:2:1: error: Not valid YAML: but found another document."),
        ("# only\n# comments\n", "f.yaml: error: The file is empty."),
        ("", "f.yaml: error: The file is empty."),
        ("a: \"x\u{1}y\"\n", "f.yaml: error: Not readable as UTF-8 text: control characters are not allowed."),
        ("a:\n  b: [1, 2\n  c: 3\n", "f.yaml:3:4: error: Not valid YAML: did not find expected ',' or ']'."),
        ("a: 1\n  b: 2\n", "f.yaml:2:4: error: Not valid YAML: mapping values are not allowed in this context."),
    ])
    func aFileThatIsNotOneDocumentOfDistinctKeysIsRefusedAsBefore(text: String, problem: String) {
        #expect(Self.problems(text) == [problem])
    }

    @Test func aKeyWithAnotherTagIsAnotherKeyToYAMLButTheSameNameToTheReader() throws {
        var reader = YAMLReader(file: "f.yaml")
        let root = reader.compose("a: 1\n!!int a: 2\n")
        let entries = reader.mapping(root, "The test", allowed: ["a"])
        #expect(reader.diagnostics.map(\.description) == ["f.yaml:2:1: error: Duplicate key 'a' in The test."])
        #expect(entries?["a"]?.string == "1")
    }

    @Test func scalarsKeepTheirTextStyleAndPlaceAndAliasesStandForTheirAnchor() throws {
        var reader = YAMLReader(file: "f.yaml")
        let composed = reader.compose("a: &x '0700'\nb:\n  - ~\n  - *x\n  - \"\"\n")
        let root = try #require(composed)
        #expect(reader.diagnostics.isEmpty)
        let a = try #require(root["a"]), items = try #require(root["b"]?.sequence)
        #expect(a.string == "0700" && a.content.isSingleQuoted && a.line == 1 && a.column == 4)
        #expect(items.map(\.isNull) == [true, false, false])
        #expect(items[1] == a && items[1].line == 1 && items[2].string == "")
    }
}

private extension YAMLNode.Content {
    var isSingleQuoted: Bool {
        if case .scalar(_, .singleQuoted) = self { return true }
        return false
    }
}
