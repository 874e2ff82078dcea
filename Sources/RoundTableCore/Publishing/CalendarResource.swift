import ICalendar

/// One component of a series' calendar as a CalDAV resource: a calendar of its own (RFC 4791:
/// one UID per resource), named in its collection from the UID, and a fingerprint of what it
/// says, so a component that did not change is never sent again.
public struct CalendarResource: Hashable, Sendable {
    /// The UID of the component.
    public let uid: String
    /// The resource's name in its collection: the UID with every character but letters, digits,
    /// `-`, `.`, `_`, `~` and `@` percent-encoded, then `.ics`. The same UID always gives the
    /// same name, so a component is updated where it is and never copied.
    public let name: String
    /// The calendar as sent.
    public let text: String
    /// `StableHash.hex64` of the text without its DTSTAMPs: a component built again at another
    /// time has the same fingerprint unless something it says changed.
    public let fingerprint: String

    /// `calendar` holds the one component whose UID is `uid` (and the VTIMEZONE it needs).
    public init(uid: String, calendar: Component) throws {
        self.uid = uid
        name = Self.name(of: uid)
        text = try calendar.serialized()
        fingerprint = StableHash.hex64(CalendarText.withoutStamps(text))
    }

    /// Whether `text`, what a server holds for this resource, says what this one says: the same
    /// content lines, once unfolded, in any order and with any line ends, DTSTAMP aside. A server
    /// may fold, order and end lines its own way when it stores an object (Radicale writes it out
    /// again), so the text we sent is not always the text we get back.
    public func isHeld(in text: String) -> Bool {
        Self.contentLines(of: self.text) == Self.contentLines(of: text)
    }

    /// The unfolded content lines of `text` but DTSTAMP, sorted.
    private static func contentLines(of text: String) -> [String] {
        var lines: [String] = []
        for line in text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline) {
            if line.first == " " || line.first == "\t", !lines.isEmpty {
                lines[lines.count - 1] += line.dropFirst()
            } else {
                lines.append(String(line))
            }
        }
        return lines.filter { !($0.hasPrefix("DTSTAMP:") || $0.hasPrefix("DTSTAMP;")) }.sorted()
    }

    /// The resource name for a UID.
    public static func name(of uid: String) -> String {
        var name = ""
        for byte in uid.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "@"):
                name.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                name += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return name + ".ics"
    }
}
