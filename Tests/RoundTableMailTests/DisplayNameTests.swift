@testable import RoundTableMail
import Testing

/// A display name goes out as plain words when every character is one an atom may hold (RFC 5322
/// atext, the same rule as an address's name part) and as a quoted string otherwise.
@Suite struct DisplayNameTests {
    @Test(arguments: [
        ("Sam Okafor", "To: Sam Okafor <sam@ajc.example.org>"),
        ("Sam O'Neil-Smith", "To: Sam O'Neil-Smith <sam@ajc.example.org>"),
        ("a!#$%&'*+-/^_`{|}~=z?", "To: a!#$%&'*+-/^_`{|}~=z? <sam@ajc.example.org>"),
        ("Lee, Sam", "To: \"Lee, Sam\" <sam@ajc.example.org>"),
        ("S. Okafor", "To: \"S. Okafor\" <sam@ajc.example.org>"),
        ("Sam (chair)", "To: \"Sam (chair)\" <sam@ajc.example.org>"),
    ])
    func aNameIsWrittenAsWordsOnlyWhenEachCharacterIsAtext(name: String, field: String) throws {
        #expect(try Address(name: name, email: "sam@ajc.example.org").headerField("To") == field)
    }
}
