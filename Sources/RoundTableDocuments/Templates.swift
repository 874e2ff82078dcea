import Foundation
import Mustache

/// The Mustache templates that messages, write-up skeletons and the series report are rendered
/// from, read from one folder so a coordinator can reword them (`--templates DIR`) without rebuilding.
public struct Templates: Sendable {
    /// Every template the tool uses, by its file name in the folder.
    public enum Name: String, Sendable, CaseIterable {
        case invite = "invite.txt", cancel = "cancel.txt", reminder = "reminder.txt"
        case writeup = "writeup.md", report = "report.md"
    }

    public let directory: String
    private let templates: [Name: MustacheTemplate]

    /// Reads and parses every template now, so a broken one stops a run before anything is sent.
    public init(directory: String) throws(TemplateError) {
        self.directory = directory
        var parsed: [Name: MustacheTemplate] = [:]
        for name in Name.allCases {
            let path = (directory as NSString).appendingPathComponent("\(name.rawValue).mustache")
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw .missing(path: path)
            }
            do {
                parsed[name] = try MustacheTemplate(string: text)
            } catch {
                throw .invalid(path: path, reason: "\(error)")
            }
        }
        templates = parsed
    }

    /// The rendered text, with CRLF or CR line ends made LF (the MIME layer writes CRLF).
    public func render(_ name: Name, _ context: [String: Any]) -> String {
        templates[name]!.render(context).replacingOccurrences(of: "\r\n", with: "\n")
    }
}

/// Why the templates folder cannot be used.
public enum TemplateError: Error, Equatable, CustomStringConvertible {
    case missing(path: String)
    case invalid(path: String, reason: String)

    public var description: String {
        switch self {
        case .missing(let path): return "The template '\(path)' is missing or unreadable. Point --templates at a folder holding the files of the project's templates/ folder."
        case .invalid(let path, let reason): return "The template '\(path)' is not valid Mustache: \(reason)."
        }
    }
}
