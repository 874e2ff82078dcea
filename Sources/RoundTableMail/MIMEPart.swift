import Foundation

/// A MIME body part (RFC 2045/2046), as a value.
public indirect enum MIMEPart: Sendable {
    /// Text with `charset=UTF-8` and more parameters (`method=REQUEST` on text/calendar).
    case text(String, subtype: String = "plain", parameters: [(String, String)] = [])
    /// A file, base64-encoded, `Content-Disposition: attachment`.
    case attachment(filename: String, contentType: String, parameters: [(String, String)] = [], data: [UInt8])
    /// Parts one after another (mixed) or as alternatives of one another (alternative).
    case multipart(subtype: String, parts: [MIMEPart])

    /// The iMIP layout of RFC 6047 that Outlook, Google Calendar, Thunderbird and Apple Calendar
    /// all treat as a meeting request: the text, the calendar as an alternative, and the same
    /// calendar as an invite.ics attachment for clients that only look there.
    public static func invitation(text: String, calendar: String, method: String) -> MIMEPart {
        .multipart(subtype: "mixed", parts: [
            .multipart(subtype: "alternative", parts: [
                .text(text),
                .text(calendar, subtype: "calendar", parameters: [("method", method)]),
            ]),
            .attachment(filename: "invite.ics", contentType: "application/ics", parameters: [("name", "invite.ics")],
                        data: Array(calendar.utf8)),
        ])
    }

    /// Header lines and body, CRLF throughout. `depth` keeps nested boundaries distinct.
    func rendered(depth: Int = 0) -> (headers: [String], body: String) {
        switch self {
        case .text(let text, let subtype, let parameters):
            let params = ([("charset", "UTF-8")] + parameters).map { "; \($0.0)=\(MIMEPart.quoted($0.1))" }.joined()
            return (["Content-Type: text/\(subtype)\(params)", "Content-Transfer-Encoding: quoted-printable"],
                    QuotedPrintable.encode(text))
        case .attachment(let filename, let contentType, let parameters, let data):
            let params = parameters.map { "; \($0.0)=\(MIMEPart.quoted($0.1))" }.joined()
            let base64 = Data(data).base64EncodedString(options: .lineLength76Characters)
                .replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
            return (["Content-Type: \(contentType)\(params)", "Content-Transfer-Encoding: base64",
                     "Content-Disposition: attachment; filename=\(MIMEPart.quoted(filename))"], base64)
        case .multipart(let subtype, let parts):
            let rendered = parts.map { $0.rendered(depth: depth + 1) }
            let content = rendered.map { ($0.headers + ["", $0.body]).joined(separator: "\r\n") }
            let boundary = MIMEPart.boundary(for: content.joined(), depth: depth)
            let body = content.map { "--\(boundary)\r\n\($0)\r\n" }.joined() + "--\(boundary)--"
            return (["Content-Type: multipart/\(subtype); boundary=\"\(boundary)\""], body)
        }
    }

    /// A boundary derived from the content (so a message renders the same every time) and
    /// lengthened until it occurs nowhere in it.
    private static func boundary(for content: String, depth: Int) -> String {
        var hash: UInt64 = 14_695_981_039_346_656_037
        for byte in content.utf8 { hash = (hash ^ UInt64(byte)) &* 1_099_511_628_211 }
        var boundary = "=_roundtable_\(depth)_\(String(hash, radix: 36))"
        while content.contains(boundary) { boundary += "_" + String(hash % 997) }
        return boundary
    }

    private static func quoted(_ value: String) -> String {
        value.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) && value.allSatisfy(\.isASCII)
            ? value : "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
