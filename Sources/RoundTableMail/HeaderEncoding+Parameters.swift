extension HeaderEncoding {
    /// Longest header name, media type or parameter name accepted: they come from code, and a cap
    /// keeps every header line within 998 octets.
    static let maximumNameLength = 76

    /// A header field name: printable ASCII without ":" (RFC 5322 §3.6.8).
    static func isFieldName(_ name: String) -> Bool {
        (1...maximumNameLength).contains(name.utf8.count)
            && name.utf8.allSatisfy { (33...126).contains($0) && $0 != UInt8(ascii: ":") }
    }

    /// An RFC 2045 token: printable ASCII without tspecials, as media types and parameter names must be.
    static func isToken(_ text: some StringProtocol) -> Bool {
        (1...maximumNameLength).contains(text.utf8.count)
            && text.utf8.allSatisfy { (33...126).contains($0) && !tspecials.contains($0) }
    }

    /// RFC 2045's tspecials, which a token may not hold.
    private static let tspecials = Set("()<>@,;:\\\"/[]?=".utf8)

    /// A field such as `Content-Type: text/calendar; method=REQUEST; charset=UTF-8`, folded between
    /// parameters. Throws `.headerInjection` for a media type or parameter name that is not a token
    /// and for a parameter value holding a control character.
    static func parameterizedField(_ name: String, _ value: String,
                                   _ parameters: [(String, String)]) throws(MailError) -> String {
        var pieces = [value]
        for (attribute, text) in parameters {
            guard isToken(attribute) else {
                throw .headerInjection(field: "parameter name '\(MailError.excerpt(attribute))'")
            }
            guard !containsControl(text) else { throw .headerInjection(field: "'\(attribute)' parameter") }
            for segment in parameterSegments(attribute, text) {
                pieces[pieces.count - 1] += ";"
                pieces.append(" " + segment)
            }
        }
        return field(name, pieces)
    }

    /// A `Content-Type` field; throws `.headerInjection` unless `type` is `token/token`.
    static func contentTypeField(_ type: String, _ parameters: [(String, String)]) throws(MailError) -> String {
        let halves = type.split(separator: "/", omittingEmptySubsequences: false)
        guard halves.count == 2, halves.allSatisfy(isToken) else {
            throw .headerInjection(field: "content type '\(MailError.excerpt(type))'")
        }
        return try parameterizedField("Content-Type", type, parameters)
    }

    /// `attribute=value` as simply as it will go: bare when the value is letters, digits and "-";
    /// quoted when it is other ASCII that fits a line; otherwise RFC 2231 percent-encoded UTF-8,
    /// split into numbered continuations so no line passes 78 octets.
    private static func parameterSegments(_ attribute: String, _ value: String) -> [String] {
        if !value.isEmpty, value.utf8.allSatisfy(isBare) { return ["\(attribute)=\(value)"] }
        var quoted = "\(attribute)=\""
        for character in value { quoted += character == "\"" || character == "\\" ? "\\\(character)" : "\(character)" }
        quoted += "\""
        if value.unicodeScalars.allSatisfy(\.isASCII), quoted.utf8.count < preferredLineLength - 1 { return [quoted] }
        let hex = Array("0123456789ABCDEF")
        var chunks = [""]
        // Whole scalars per continuation: Python decodes each continuation on its own.
        for scalar in value.unicodeScalars {
            let unit = scalar.utf8.map { byte in
                isBare(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
                    ? String(Unicode.Scalar(byte)) : "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0x0F)])
            }.joined()
            if chunks[chunks.count - 1].utf8.count + unit.utf8.count > 60 { chunks.append("") }
            chunks[chunks.count - 1] += unit
        }
        guard chunks.count > 1 else { return ["\(attribute)*=UTF-8''\(chunks[0])"] }
        return chunks.enumerated().map { index, chunk in
            index == 0 ? "\(attribute)*0*=UTF-8''\(chunk)" : "\(attribute)*\(index)*=\(chunk)"
        }
    }

    /// Letters, digits and "-": safe unquoted in every parser, including those that treat "." or
    /// "_" specially in a parameter.
    private static func isBare(_ byte: UInt8) -> Bool {
        (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte) || byte == UInt8(ascii: "-")
    }
}
