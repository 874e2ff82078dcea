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
    ///
    /// `check` asks it of every member of every schedule, so an ASCII address (nearly all) is
    /// read as bytes in one pass, with the words and the order of the checks of the rule above.
    public static func problem(in address: String) -> String? {
        guard address.utf8.allSatisfy({ $0 < 0x80 }) else { return nonASCIIProblem(in: address) }
        let bytes = address.utf8
        guard let at = bytes.firstIndex(of: UInt8(ascii: "@")), at != bytes.startIndex else { return formProblem }
        let local = bytes[..<at], domain = bytes[bytes.index(after: at)...]
        guard !domain.isEmpty, !domain.contains(UInt8(ascii: "@")) else { return formProblem }
        if local.count > 64 { return "its name part is longer than 64 characters" }
        if bytes.count > 254 { return "it is longer than 254 characters" }
        guard isDotAtom(local) else { return "its name part may hold only letters, digits, dots (not doubled or at an end) and !#$%&'*+-/=?^_`{|}~" }
        guard isDomainName(domain) else {
            return "its domain should be a domain name such as example.org (letters, digits and '-', dot-separated)"
        }
        return nil
    }

    private static let formProblem = "it needs the form name@domain"
    private static let dot = UInt8(ascii: "."), hyphen = UInt8(ascii: "-")

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

    /// Atoms of atext joined by single dots, none at either end.
    private static func isDotAtom(_ text: Substring.UTF8View) -> Bool {
        var previous = dot
        for byte in text {
            if byte == dot {
                if previous == dot { return false }
            } else if !isAtext(byte) {
                return false
            }
            previous = byte
        }
        return previous != dot
    }

    /// Whether a byte is a character of an atom (RFC 5322 atext): of an address's name part, and
    /// of a display name written as plain words.
    public static func isAtext(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        default: "!#$%&'*+-/=?^_`{|}~".utf8.contains(byte)
        }
    }

    /// At least two labels joined by dots, each of 1 to 63 letters, digits and '-', not starting
    /// or ending with '-'; also the rule for a schedule's `uid-domain`.
    static func isDomainName(_ domain: Substring.UTF8View) -> Bool {
        var labels = 0, length = 0, previous = dot
        for byte in domain {
            if byte == dot {
                guard length > 0, previous != hyphen else { return false }
                labels += 1
                length = 0
            } else {
                let letterOrDigit = (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
                guard letterOrDigit || (byte == hyphen && length > 0) else { return false }
                length += 1
                if length > 63 { return false }
            }
            previous = byte
        }
        return length > 0 && previous != hyphen && labels >= 1
    }
}
