import Foundation

/// One email to one person (never a shared list), rendered by us to RFC 5322 bytes.
public struct MailMessage: Sendable {
    public var from: Address
    public var to: Address
    public var subject: String
    /// Seconds since the epoch; written in UTC.
    public var date: Int
    /// Without angle brackets. Stable per (item, recipient, trigger), so a resend is recognisable.
    public var messageID: String
    public var extraHeaders: [(name: String, value: String)]
    public var body: MIMEPart

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

    /// The whole message, CRLF line ends, ready for sendmail or SMTP. Refuses any header value
    /// holding a line break, so data can never add a header of its own.
    public func rendered() throws(MailError) -> [UInt8] {
        try refuseControl(subject, "subject")
        for (name, value) in extraHeaders { try refuseControl(name + value, "header \(name.prefix(40))") }
        guard messageID.contains("@"), !messageID.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" }),
              messageID.allSatisfy(\.isASCII) else {
            throw .invalidMessageID(messageID)
        }
        let part = body.rendered()
        var lines = [
            HeaderEncoding.field("From", from.header),
            HeaderEncoding.field("To", to.header),
            HeaderEncoding.field("Subject", HeaderEncoding.unstructured(subject)),
            "Date: " + Self.dateFormatter.string(from: Date(timeIntervalSince1970: TimeInterval(date))),
            "Message-ID: <\(messageID)>",
            "MIME-Version: 1.0",
        ]
        lines += extraHeaders.map { HeaderEncoding.field($0.name, HeaderEncoding.unstructured($0.value)) }
        lines += part.headers
        return Array((lines.joined(separator: "\r\n") + "\r\n\r\n" + part.body + "\r\n").utf8)
    }

    private func refuseControl(_ value: String, _ field: String) throws(MailError) {
        if value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw .headerInjection(field: field)
        }
    }

    private static let dateFormatter: DateFormatter = {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return f
    }()
}
