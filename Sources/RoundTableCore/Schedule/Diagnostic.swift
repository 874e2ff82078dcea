/// One problem found in a file a person wrote, located so an editor can jump to it.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public let file: String
    /// 1-based; nil when the problem belongs to the file as a whole.
    public let line: Int?
    public let column: Int?
    public let severity: Severity
    public let message: String

    public init(file: String, line: Int?, column: Int?, severity: Severity, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
    }

    /// `FILE:LINE:COL: error: message`, the form compilers use and editors understand. Always
    /// one line: a value quoted in the message has its line breaks (and any other control
    /// character) written out, as `\n`.
    public var description: String {
        let text = Excerpt.escaped(message)
        if let line, let column { return "\(file):\(line):\(column): \(severity.rawValue): \(text)" }
        return "\(file): \(severity.rawValue): \(text)"
    }
}
