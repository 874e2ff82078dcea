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
        let (header, part) = try scanner.scan()
        guard let part else { throw .noCalendarPart }
        guard let text = String(validating: TransferDecoding.decode(part.body, encoding: part.encoding), as: UTF8.self) else {
            throw .notText
        }
        return Content(calendar: text, sender: .email(from: header.from.flatMap(FromAddress.address(in:)),
                                                      replyTo: header.replyTo.flatMap(FromAddress.address(in:)),
                                                      sender: header.sender.flatMap(FromAddress.address(in:))),
                       from: header.from ?? "", subject: header.subject ?? "", date: header.date ?? "")
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
