import Testing
@testable import RoundTableCore

/// The verdicts of the two rules `check` applies to every member (`EmailAddress`, `HeaderText`),
/// which read bytes where they can: the same verdict, and the same words, as reading characters.
@Suite struct AddressAndHeaderRuleTests {
    @Test(arguments: [
        ("sam@example.org", nil),
        ("o'neil+rt.2012@mail.example.co.uk", nil),
        ("a!#$%&'*+-/=?^_`{|}~z@x-1.example.org", nil),
        ("no-at-sign", "it needs the form name@domain"),
        ("two@@example.org", "it needs the form name@domain"),
        ("@example.org", "it needs the form name@domain"),
        ("sam@", "it needs the form name@domain"),
        ("sam@example.org\r\n", "its domain should be a domain name such as example.org (letters, digits and '-', dot-separated)"),
        (".sam@example.org", "its name part may hold only letters, digits, dots (not doubled or at an end) and !#$%&'*+-/=?^_`{|}~"),
        ("sa..m@example.org", "its name part may hold only letters, digits, dots (not doubled or at an end) and !#$%&'*+-/=?^_`{|}~"),
        ("sa(m)@example.org", "its name part may hold only letters, digits, dots (not doubled or at an end) and !#$%&'*+-/=?^_`{|}~"),
        ("sam@example", "its domain should be a domain name such as example.org (letters, digits and '-', dot-separated)"),
        ("sam@-example.org", "its domain should be a domain name such as example.org (letters, digits and '-', dot-separated)"),
        ("sam@exam_ple.org", "its domain should be a domain name such as example.org (letters, digits and '-', dot-separated)"),
        (String(repeating: "a", count: 65) + "@example.org", "its name part is longer than 64 characters"),
        (String(repeating: "a", count: 64) + "@" + String(repeating: "b.", count: 95) + "org", "it is longer than 254 characters"),
        ("sam@" + String(repeating: "b", count: 64) + ".org", "its domain should be a domain name such as example.org (letters, digits and '-', dot-separated)"),
        ("zoë@example.org", "its name part is not ASCII, which not every mail server carries"),
        ("zoe@exämple.org", "its domain is not ASCII; write it in its IDNA form (xn--…), as `idn2` prints it"),
        ("zoë@@example.org", "it needs the form name@domain"),
        // An "@" under a combining mark is one character, not the separator.
        ("zoe@\u{301}example.org", "it needs the form name@domain"),
        ("zo\u{301}e@a@\u{301}b.org", "its domain is not ASCII; write it in its IDNA form (xn--…), as `idn2` prints it"),
        ("zo\u{301}e@example.org", "its name part is not ASCII, which not every mail server carries"),
    ] as [(String, String?)])
    func anAddressGetsTheVerdictItAlwaysHad(address: String, problem: String?) {
        #expect(EmailAddress.problem(in: address) == problem)
    }

    @Test(arguments: [
        ("Sam Patel", nil),
        ("Zoë Ørsted — “facilitator” 🎉", nil),
        ("Sam\nPatel", "\n"),
        ("Sam\tPatel", "\t"),
        ("Sam\u{7F}", "\u{7F}"),
        ("Zoë\u{85}Ørsted", "\u{85}"),
        ("é\u{9F}", "\u{9F}"),
        ("Sam\u{2028}Patel", "\u{2028}"),
        ("Sam\u{2029}", "\u{2029}"),
        ("“Sam”\u{0}", "\u{0}"),
        // Bytes 0xC2 and 0xE2 that start a character allowed in a header.
        ("© Sam ‘Patel’ \u{A0}", nil),
    ] as [(String, Unicode.Scalar?)])
    func theFirstControlCharacterIsFoundWhereverItIs(text: String, control: Unicode.Scalar?) {
        #expect(HeaderText.firstControl(in: text) == control)
    }
}
