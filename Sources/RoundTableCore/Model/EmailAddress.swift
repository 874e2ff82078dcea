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
        let sides = address.split(separator: "@", omittingEmptySubsequences: false)
        guard sides.count == 2, !sides[0].isEmpty, !sides[1].isEmpty else { return "it needs the form name@domain" }
        let local = sides[0], domain = sides[1]
        if !domain.unicodeScalars.allSatisfy(\.isASCII) {
            return "its domain is not ASCII; write it in its IDNA form (xn--…), as `idn2` prints it"
        }
        if !local.unicodeScalars.allSatisfy(\.isASCII) { return "its name part is not ASCII, which not every mail server carries" }
        if local.utf8.count > 64 { return "its name part is longer than 64 characters" }
        if address.utf8.count > 254 { return "it is longer than 254 characters" }
        guard isDotAtom(local) else { return "its name part may hold only letters, digits, dots (not doubled or at an end) and !#$%&'*+-/=?^_`{|}~" }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy(isLabel) else {
            return "its domain should be a domain name such as example.org (letters, digits and '-', dot-separated)"
        }
        return nil
    }

    /// Characters of an atom (RFC 5322 atext).
    private static let atext = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~".utf8)

    private static func isDotAtom(_ text: Substring) -> Bool {
        text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { atom in
            !atom.isEmpty && atom.utf8.allSatisfy(atext.contains)
        }
    }

    private static func isLabel(_ label: Substring) -> Bool {
        let bytes = label.utf8
        return !bytes.isEmpty && bytes.count <= 63 && bytes.first != UInt8(ascii: "-") && bytes.last != UInt8(ascii: "-")
            && bytes.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || $0 == UInt8(ascii: "-") }
    }
}
