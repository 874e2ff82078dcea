/// Finds the integer values libical would misread, in the text before libical sees it.
///
/// libical reads an INTEGER value (SEQUENCE, PRIORITY, REPEAT, PERCENT-COMPLETE) with `atoi`
/// into a C `int` and says nothing: `2147483648` becomes −2147483648, `4294967297` becomes 1,
/// 2^64 becomes −1, `12abc` becomes 12. A reply carrying one of those would be believed with a
/// number its sender never wrote, so each is reported as libical reports a value it cannot
/// parse, naming the property and the line; a reader that relies on the property refuses it.
enum IntegerValues {
    /// The properties RFC 5545 gives an INTEGER value.
    static let names: Set<String> = ["SEQUENCE", "PRIORITY", "REPEAT", "PERCENT-COMPLETE"]

    /// How much of a bad value a message quotes.
    private static let quoted = 24

    /// One problem per integer property whose unfolded value is not a whole number a C `int`
    /// holds (an optional sign and digits only), in the order of the text.
    static func problems(in text: String) -> [ParseProblem] {
        var problems: [ParseProblem] = []
        var components: [String] = []
        /// An integer property being unfolded: its name, its value so far, its first line.
        var pending: (name: String, value: [UInt8], line: Int)?
        func finish() {
            guard let (name, value, line) = pending else { return }
            pending = nil
            // An empty value is libical's own problem ("No value for SEQUENCE property").
            guard !value.isEmpty, !isCInteger(value) else { return }
            let shown = String(decoding: value.prefix(quoted), as: UTF8.self) + (value.count > quoted ? "…" : "")
            problems.append(ParseProblem(component: components.last ?? "VCALENDAR", message:
                "Can't parse as INTEGER value in \(name) property. Line \(line) holds '\(shown)', which is not a whole number "
                + "from \(Int32.min) to \(Int32.max)"))
        }
        var number = 0
        for physical in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            number += 1
            let line = physical.last == UInt8(ascii: "\r") ? physical.dropLast() : physical[...]
            if let first = line.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") {
                pending?.value += line.dropFirst()
                continue
            }
            finish()
            guard let nameEnd = line.firstIndex(where: { $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: ":") }) else { continue }
            let name = String(decoding: line[..<nameEnd], as: UTF8.self).uppercased()
            guard let valueStart = valueStart(of: line, after: nameEnd) else { continue }
            if name == "BEGIN" {
                components.append(String(decoding: line[valueStart...], as: UTF8.self).uppercased())
            } else if name == "END" {
                _ = components.popLast()
            } else if names.contains(name) {
                pending = (name, Array(line[valueStart...]), number)
            }
        }
        finish()
        return problems
    }

    /// Where the value starts: after the first `:` that is not inside a quoted parameter value.
    private static func valueStart(of line: Substring.UTF8View.SubSequence, after nameEnd: Substring.UTF8View.Index) -> Substring.UTF8View.Index? {
        var quoted = false
        var index = nameEnd
        while index < line.endIndex {
            let byte = line[index]
            if byte == UInt8(ascii: "\"") { quoted.toggle() } else if byte == UInt8(ascii: ":") && !quoted { return line.index(after: index) }
            index = line.index(after: index)
        }
        return nil
    }

    /// Whether `value` is an optional sign and digits whose number fits a C `int`.
    private static func isCInteger(_ value: [UInt8]) -> Bool {
        let digits = value.first == UInt8(ascii: "+") || value.first == UInt8(ascii: "-") ? value.dropFirst() : value[...]
        guard !digits.isEmpty, digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return false }
        return Int32(String(decoding: value, as: UTF8.self)) != nil
    }
}
