/// One email to one person, as DESIGN.md wants: a single To, never a shared list, so no member
/// learns the others' addresses and each copy can carry its own Message-ID.
public struct MailMessage: Sendable {
    /// The organiser's real address.
    public var from: Address
    /// The one recipient.
    public var to: Address
    /// Any text without control characters; encoded (RFC 2047) when not ASCII.
    public var subject: String
    /// Seconds since the epoch, written in UTC so the bytes do not depend on the machine's zone.
    public var date: Int
    /// Without angle brackets; stable per (item, recipient, trigger) so a resend is recognisable.
    public var messageID: String
    /// Written after MIME-Version in order, e.g. `("Auto-Submitted", "auto-generated")`.
    public var extraHeaders: [(name: String, value: String)]
    /// The content, a single part or a multipart tree.
    public var body: MIMEPart

    /// Nothing is checked here but the addresses (checked when made); `rendered()` checks the rest,
    /// so the fields can be set one by one.
    public init(from: Address, to: Address, subject: String, date: Int, messageID: String,
                extraHeaders: [(name: String, value: String)] = [], body: MIMEPart) {
        self.from = from
        self.to = to
        self.subject = subject
        self.date = date
        self.messageID = messageID
        self.extraHeaders = extraHeaders
        self.body = body
    }

    /// The whole message as bytes with CRLF line ends, ready for sendmail or SMTP: 7-bit, no line
    /// over 998 octets, ending in CRLF. Throws `.headerInjection` when the subject, an extra
    /// header or a MIME parameter holds a control character (or a name is not a valid token), and
    /// `.invalidMessageID` when the Message-ID is not a plain `left@right`.
    public func rendered() throws(MailError) -> [UInt8] {
        if HeaderEncoding.containsControl(subject) { throw .headerInjection(field: "subject") }
        try Self.check(messageID: messageID)
        var headers = [from.headerField("From"), to.headerField("To"),
                       HeaderEncoding.unstructured("Subject", subject),
                       "Date: " + Self.rfc5322Date(date),
                       "Message-ID: <\(messageID)>",
                       "MIME-Version: 1.0"]
        for (name, value) in extraHeaders {
            guard HeaderEncoding.isFieldName(name) else {
                throw .headerInjection(field: "header name '\(MailError.excerpt(name))'")
            }
            guard !HeaderEncoding.containsControl(value) else { throw .headerInjection(field: "'\(name)' header") }
            headers.append(HeaderEncoding.unstructured(name, value))
        }
        let entity = try body.entity(depth: 0)
        return Array((headers + entity.headers).joined(separator: "\r\n").utf8) + [13, 10, 13, 10] + entity.body
    }

    /// A Message-ID goes out as `<id>` unencoded, so it must be printable ASCII with one "@"
    /// between two non-empty sides, and short enough for its line.
    private static func check(messageID: String) throws(MailError) {
        if HeaderEncoding.containsControl(messageID) { throw .headerInjection(field: "Message-ID") }
        let sides = messageID.utf8.split(separator: UInt8(ascii: "@"), omittingEmptySubsequences: false)
        guard sides.count == 2, sides.allSatisfy({ !$0.isEmpty }),
              messageID.utf8.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: ">") }),
              "Message-ID: <\(messageID)>".utf8.count <= HeaderEncoding.maximumLineLength
        else { throw .invalidMessageID(MailError.excerpt(messageID)) }
    }
}
