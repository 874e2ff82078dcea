/// A Content-Type field's value (RFC 2045 §5.1), read for what the MIME scanner needs: the
/// media type and its parameters.
///
/// Read without Foundation, and the parameters only when asked for: an email may hold millions
/// of parts, each with its Content-Type, and each must cost little.
struct MediaType {
    /// "type/subtype", lower case.
    let name: String
    private let field: Substring.UnicodeScalarView

    init(_ field: String) {
        let scalars = field.unicodeScalars
        let end = scalars.firstIndex(of: ";") ?? scalars.endIndex
        name = String(Substring(Self.trimmed(scalars[..<end]))).lowercased()
        self.field = scalars[end...]
    }

    var isMultipart: Bool { name.hasPrefix("multipart/") }
    var isCalendar: Bool { name == "text/calendar" || name == "application/ics" }

    /// The first value of the parameter `name` (lower case), its quotes and quoted pairs undone.
    func parameter(_ name: String) -> String? {
        var start = field.startIndex
        var quoted = false, escaped = false
        for index in field.indices {
            let scalar = field[index]
            if escaped {
                escaped = false
            } else if quoted && scalar == "\\" {
                escaped = true
            } else if scalar == "\"" {
                quoted.toggle()
            } else if scalar == ";" && !quoted {
                if let value = Self.value(of: field[start..<index], ifNamed: name) { return value }
                start = field.index(after: index)
            }
        }
        return Self.value(of: field[start...], ifNamed: name)
    }

    /// The value of one `name=value` parameter, when it is named `name`.
    private static func value(of piece: Substring.UnicodeScalarView, ifNamed name: String) -> String? {
        guard let equals = piece.firstIndex(of: "="),
              String(Substring(trimmed(piece[..<equals]))).lowercased() == name else { return nil }
        return unquoted(trimmed(piece[piece.index(after: equals)...]))
    }

    /// A parameter value without its quotes, quoted pairs undone.
    private static func unquoted(_ value: Substring.UnicodeScalarView) -> String {
        guard value.count >= 2, value.first == "\"", value.last == "\"" else { return String(Substring(value)) }
        var out = String.UnicodeScalarView(), escaped = false
        for scalar in value.dropFirst().dropLast() {
            if !escaped && scalar == "\\" { escaped = true; continue }
            escaped = false
            out.append(scalar)
        }
        return String(out)
    }

    private static func trimmed(_ scalars: Substring.UnicodeScalarView) -> Substring.UnicodeScalarView {
        let isSpace = { (scalar: Unicode.Scalar) in scalar == " " || scalar == "\t" }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) }) else {
            return scalars[scalars.startIndex..<scalars.startIndex]
        }
        return scalars[first...last]
    }
}
