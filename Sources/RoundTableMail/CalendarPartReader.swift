import RoundTableCore

/// Finds the calendar of a reply file, whether it is a bare .ics or a whole email as a mail
/// client saves it (MIME, any nesting, base64 or quoted-printable), and who it says sent it.
public enum CalendarPartReader {
    /// Why no calendar could be found.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case noCalendarPart
        case notText
        case tooDeep(limit: Int)

        public var description: String {
            switch self {
            case .noCalendarPart: return "No calendar (text/calendar part or .ics content) was found in it."
            case .notText: return "Its calendar is not UTF-8 text; save the reply again as UTF-8, or as the email it came in."
            case .tooDeep(let limit):
                return "Its MIME parts nest more than \(limit) deep; no mail client writes that, so it was not read."
            }
        }
    }

    /// A reply file's calendar text and the sender it names.
    public struct Content: Equatable, Sendable {
        public let calendar: String
        /// `.calendarFile` for a bare .ics, else the email's From: address.
        public let sender: ReplySender
        /// The email's first text/plain part, decoded (UTF-8, else Latin-1); nil for a bare .ics
        /// or an email without one.
        public var text: String? = nil
        /// The email's From:, Subject: and Date: as written (empty for a bare .ics or a field it
        /// lacks): what names a refused reply to the organiser.
        public var from = "", subject = "", date = ""
    }

    /// The calendar of a bare .ics file, or of the first calendar part of an email.
    ///
    /// The calendar must be UTF-8 (RFC 5545 §6). An email may hold other parts in other
    /// charsets: only the calendar part's bytes must be UTF-8, after its transfer encoding is
    /// undone. Work and memory are linear in the file's size (see `MIMEScanner`, `TransferDecoding`).
    public static func read(_ data: [UInt8]) throws(Failure) -> Content {
        if isBareCalendar(data) {
            guard let text = String(validating: data, as: UTF8.self) else { throw .notText }
            return Content(calendar: text, sender: .calendarFile)
        }
        var scanner = MIMEScanner(data)
        let (header, part, textPart) = try scanner.scan()
        guard let part else { throw .noCalendarPart }
        guard let text = String(validating: TransferDecoding.decode(part.body, encoding: part.encoding), as: UTF8.self) else {
            throw .notText
        }
        return Content(calendar: text, sender: .email(from: header.from.flatMap(FromAddress.address(in:)),
                                                      replyTo: header.replyTo.flatMap(FromAddress.address(in:)),
                                                      sender: header.sender.flatMap(FromAddress.address(in:))),
                       text: textPart.map(Self.text(of:)),
                       from: header.from ?? "", subject: header.subject ?? "", date: header.date ?? "")
    }

    /// How much of a text part is read, encoded: a note is at the top and at most
    /// `ReplyNote.limit` characters, so a 15 MiB body costs no more than a short one.
    static let textReadLimit = 16 << 10

    /// A text part's words: UTF-8 when it is (whatever its charset says, as US-ASCII is), else
    /// read as Latin-1, in which every byte is a character, so a note is never lost to its charset.
    private static func text(of part: MIMEScanner.Part) -> String {
        var bytes = TransferDecoding.decode(part.body.prefix(textReadLimit), encoding: part.encoding)
        // A cut may split the last UTF-8 character: drop its bytes rather than read the rest as Latin-1.
        while part.body.count > textReadLimit, let last = bytes.last, last & 0xC0 == 0x80 || last >= 0xC0 { bytes.removeLast() }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        return String(bytes.map { Character(Unicode.Scalar($0)) })
    }

    /// Whether the file starts, after white space, with BEGIN:VCALENDAR in any case.
    private static func isBareCalendar(_ data: [UInt8]) -> Bool {
        let start = data.firstIndex { ![UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n")].contains($0) }
        guard let start else { return false }
        let expected = "BEGIN:VCALENDAR".utf8
        return data[start...].prefix(expected.count).map { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) ? $0 - 32 : $0 }
            .elementsEqual(expected)
    }
}
