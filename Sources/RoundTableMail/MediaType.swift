import Foundation

/// A Content-Type field's value (RFC 2045 §5.1), read for what the MIME scanner needs: the
/// media type and its parameters.
struct MediaType {
    /// "type/subtype", lower case.
    let name: String
    /// Each parameter's name (lower case) and value (quotes and quoted pairs undone), in order.
    private let parameters: [(name: String, value: String)]

    init(_ field: String) {
        var pieces = Self.pieces(of: field)
        name = pieces.removeFirst().trimmingCharacters(in: .whitespaces).lowercased()
        parameters = pieces.compactMap { piece in
            guard let equals = piece.firstIndex(of: "=") else { return nil }
            let value = piece[piece.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            return (piece[..<equals].trimmingCharacters(in: .whitespaces).lowercased(), Self.unquoted(value))
        }
    }

    var isMultipart: Bool { name.hasPrefix("multipart/") }
    var isCalendar: Bool { name == "text/calendar" || name == "application/ics" }

    /// The first value of the parameter `name` (lower case).
    func parameter(_ name: String) -> String? { parameters.first { $0.name == name }?.value }

    /// The field split at each `;` that is not inside a quoted string; never empty.
    private static func pieces(of field: String) -> [String] {
        var pieces: [String] = []
        var piece = String.UnicodeScalarView()
        var quoted = false, escaped = false
        for scalar in field.unicodeScalars {
            if escaped {
                escaped = false
            } else if quoted && scalar == "\\" {
                escaped = true
            } else if scalar == "\"" {
                quoted.toggle()
            } else if scalar == ";" && !quoted {
                pieces.append(String(piece))
                piece = String.UnicodeScalarView()
                continue
            }
            piece.append(scalar)
        }
        return pieces + [String(piece)]
    }

    /// A parameter value without its quotes, quoted pairs undone.
    private static func unquoted(_ value: String) -> String {
        guard value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") else { return value }
        var out = String.UnicodeScalarView(), escaped = false
        for scalar in value.unicodeScalars.dropFirst().dropLast() {
            if !escaped && scalar == "\\" { escaped = true; continue }
            escaped = false
            out.append(scalar)
        }
        return String(out)
    }
}
