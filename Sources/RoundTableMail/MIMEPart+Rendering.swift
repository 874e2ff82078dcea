import Foundation
import RoundTableCore

extension MIMEPart {
    /// A part as header lines (folded, no CRLF at the end) and an encoded body ending in CRLF.
    struct Entity {
        /// The part's Content-* fields, each already folded.
        var headers: [String]
        /// The transfer-encoded body.
        var body: [UInt8]

        /// Headers, the blank line, then the body: the part as it stands inside a multipart.
        var bytes: [UInt8] {
            Array(headers.joined(separator: "\r\n").utf8) + [13, 10, 13, 10] + body
        }
    }

    /// The part rendered for the wire; `depth` is its nesting level, which keeps the boundaries of
    /// nested multiparts apart.
    func entity(depth: Int) throws(MailError) -> Entity {
        switch self {
        case let .text(text, subtype, parameters):
            let kept = parameters.filter { $0.0.lowercased() != "charset" } + [("charset", "UTF-8")]
            return Entity(headers: [try HeaderEncoding.contentTypeField("text/" + subtype, kept),
                                    "Content-Transfer-Encoding: quoted-printable"],
                          body: QuotedPrintable.encode(text))
        case let .attachment(filename, contentType, parameters, data):
            if HeaderEncoding.containsControl(filename) { throw .headerInjection(field: "attachment file name") }
            let named = parameters.contains { $0.0.lowercased() == "name" } ? parameters : parameters + [("name", filename)]
            let disposition = try HeaderEncoding.parameterizedField("Content-Disposition", "attachment", [("filename", filename)])
            return Entity(headers: [try HeaderEncoding.contentTypeField(contentType, named), disposition,
                                    "Content-Transfer-Encoding: base64"],
                          body: Self.base64(data))
        case let .multipart(subtype, parts):
            var children: [[UInt8]] = []
            for part in parts { children.append(try part.entity(depth: depth + 1).bytes) }
            let boundary = Self.boundary(for: children, depth: depth)
            var body: [UInt8] = []
            for child in children { body += Array("--\(boundary)\r\n".utf8) + child + [13, 10] }
            body += Array("--\(boundary)--\r\n".utf8)
            let type = try HeaderEncoding.contentTypeField("multipart/" + subtype, [("boundary", boundary)])
            return Entity(headers: [type], body: body)
        }
    }

    /// Base64 at 76 characters a line, each line ending in CRLF whatever Foundation ends them with.
    private static func base64(_ data: [UInt8]) -> [UInt8] {
        let encoded = Array(Data(data).base64EncodedString(options: .lineLength76Characters).utf8)
        return encoded.split(whereSeparator: { $0 == 13 || $0 == 10 }).flatMap { Array($0) + [13, 10] }
    }

    /// `=_rt<depth>_<hash>`, suffixed until it occurs nowhere in the parts. "=_" can never appear in
    /// quoted-printable or base64 output, so in practice only a part's own headers could hold it.
    private static func boundary(for children: [[UInt8]], depth: Int) -> String {
        let content = String(decoding: children.joined(), as: UTF8.self)
        let base = "=_rt\(depth)_" + StableHash.hex(content)
        var candidate = base
        var attempt = 0
        while content.contains(candidate) {
            attempt += 1
            candidate = base + "_\(attempt)"
        }
        return candidate
    }
}
