/// The one rule for an address roundtable sends to, shared by `check` and the mail layer, so a
/// schedule that passes `check` never stops a send half-way on an address.
///
/// An address is `local@domain` as every mail system carries it unquoted: ASCII dot-atoms
/// (no SMTPUTF8, which not every server offers), within RFC 5321's lengths (64 octets of local
/// part, 254 in all, 63 per domain label), and a domain of at least two labels. A domain in
/// another script is refused rather than converted: its IDNA form (`xn--…`, which a mail
/// client or `idn2` gives) is what servers route, and the coordinator should see and keep it.
public enum EmailAddress {
    /// Why an address cannot be sent to, in words for a message; nil when it can.
    public static func problem(in address: String) -> String? {
        guard address.utf8.allSatisfy({ $0 < 0x80 }) else { return nonASCIIProblem(in: address) }
        let bytes = address.utf8
        let sides = bytes.split(separator: UInt8(ascii: "@"), omittingEmptySubsequences: false)
        guard sides.count == 2, !sides[0].isEmpty, !sides[1].isEmpty else { return formProblem }
        let local = sides[0], domain = sides[1]
        if local.count > 64 { return "its name part is longer than 64 characters" }
        if bytes.count > 254 { return "it is longer than 254 characters" }
        guard isDotAtom(local) else { return "its name part may hold only letters, digits, dots (not doubled or at an end) and !#$%&'*+-/=?^_`{|}~" }
        let labels = domain.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy(isLabel) else {
            return "its domain should be a domain name such as example.org (letters, digits and '-', dot-separated)"
        }
        return nil
    }

    private static let formProblem = "it needs the form name@domain"

    /// An address with a character beyond ASCII is refused whatever else it holds; the message
    /// names the side that holds it. The sides are split at the Character `@`, not the byte: an
    /// `@` under a combining mark is a letter of its own, not the separator.
    private static func nonASCIIProblem(in address: String) -> String {
        let sides = address.split(separator: "@", omittingEmptySubsequences: false)
        guard sides.count == 2, !sides[0].isEmpty, !sides[1].isEmpty else { return formProblem }
        if !sides[1].unicodeScalars.allSatisfy(\.isASCII) {
            return "its domain is not ASCII; write it in its IDNA form (xn--…), as `idn2` prints it"
        }
        return "its name part is not ASCII, which not every mail server carries"
    }

    private static func isDotAtom(_ text: Substring.UTF8View) -> Bool {
        text.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).allSatisfy { atom in
            !atom.isEmpty && atom.allSatisfy(isAtext)
        }
    }

    /// Whether a byte is a character of an atom (RFC 5322 atext).
    private static func isAtext(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        default: "!#$%&'*+-/=?^_`{|}~".utf8.contains(byte)
        }
    }

    private static func isLabel(_ label: Substring.UTF8View) -> Bool {
        !label.isEmpty && label.count <= 63 && label.first != UInt8(ascii: "-") && label.last != UInt8(ascii: "-")
            && label.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || $0 == UInt8(ascii: "-") }
    }
}
