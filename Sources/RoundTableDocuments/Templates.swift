import Foundation
import Mustache

/// The Mustache templates that messages, write-up skeletons and the series report are rendered
/// from: the ones built into the binary (`builtIn`, compiled from the project's templates/ folder),
/// each replaced by the file of the same name in a coordinator's folder, if it has one, so a
/// folder holding only `reminder.txt.mustache` rewords the reminder and keeps the rest.
///
/// Reading the folder is the caller's job (the CLI reads every file through its size-limited,
/// folder-bound reader); this type only merges, checks, parses and renders what it is given.
public struct Templates: Sendable {
    /// Every template the tool uses, by its file name in the folder.
    public enum Name: String, Sendable, CaseIterable {
        case invite = "invite.txt", cancel = "cancel.txt", reminder = "reminder.txt", findings = "findings.txt"
        case askAgain = "ask-again.txt", askAgainSubject = "ask-again.subject"
        /// Each message's subject, one line (`MessageFields.subject` joins what it renders).
        case inviteSubject = "invite.subject", cancelSubject = "cancel.subject", reminderSubject = "reminder.subject"
        case findingsSubject = "findings.subject"
        case writeup = "writeup.md", report = "report.md"
    }

    /// Where a template or partial in use was read from.
    public enum Origin: Equatable, Sendable {
        /// Compiled into the binary.
        case builtIn
        /// A file of the templates folder, which replaces the built-in one of that name (if any).
        case file(path: String)
    }

    /// The file extension of every template and partial in the folder.
    public static let fileExtension = ".mustache"

    /// Every template and partial in use, by name without the extension, and where it came from.
    public let origins: [String: Origin]
    private let parsed: ParsedTemplates
    /// Each template's depth and size with its partials written out (`extents`).
    private let extents: [String: (depth: Int, size: Int)]

    /// Checks every template now, so a broken one stops a run before anything is sent.
    ///
    /// A file whose text is a built-in template's, byte for byte, is not parsed again here: the
    /// built-in ones are parsed and checked by the tests (`TemplatesTests`), so it cannot fail,
    /// and it is parsed the first time it is rendered. Every other file is parsed now, and kept
    /// parsed for rendering. A cron `remind` with nothing due, over a folder that holds the
    /// exported templates, then parses none: that parse was a fifth of its run.
    ///
    /// `overrides` holds the text of each `*.mustache` file of `folder`, keyed by its file name
    /// without the extension; each replaces the built-in one of that name, and the others serve
    /// as partials: `{{> footer}}` includes `footer.mustache`. A partial must be named by a plain
    /// file name that is a built-in or a file of the folder: a name with a `/` or one that is not
    /// there (a typo, or `../../etc/passwd`) is refused here, rather than rendering as nothing.
    /// A partial that includes itself, directly or through others, is refused too: the library
    /// would recurse until the stack overflows. So is a set-delimiter tag (`{{=<% %>=}}`), after
    /// which partial tags could not be found to check.
    ///
    /// Templates are bounded before they are parsed, as `remind` renders them holding the series
    /// lock: sections (with the partials they include) may nest `maxDepth` deep, as the parser and
    /// the renderer recurse once per level (3,000 levels crashed them), and a template with every
    /// partial written out in place may be `maxExpandedSize` long, as partials that each include
    /// the next twice double it at every step.
    public init(folder: String = ".", overrides: [String: String] = [:]) throws(TemplateError) {
        let sources = Self.builtIn.merging(overrides) { _, file in file }
        var origins: [String: Origin] = [:]
        for name in sources.keys {
            origins[name] = overrides[name] != nil ? .file(path: Self.path(of: name, in: folder)) : .builtIn
        }
        func place(_ name: String) -> String {
            if case .file(let path)? = origins[name] { return path }
            return "built-in \(name)\(Self.fileExtension)"
        }
        var parsed: [String: MustacheTemplate] = [:]
        let outlines = sources.mapValues(MustacheTags.outline)
        let includes = outlines.mapValues { $0.partials.map(\.name) }
        for name in sources.keys.sorted() {
            if outlines[name]!.depth > Self.maxDepth { throw .tooDeep(path: place(name), depth: outlines[name]!.depth, limit: Self.maxDepth) }
            if sources[name] != Self.builtIn[name] {
                if let use = RetiredVariables.firstUse(in: sources[name]!, of: name) {
                    throw .retiredVariable(path: place(name), line: use.line, column: use.column, variable: use.variable, instead: use.instead)
                }
                do {
                    parsed[name] = try MustacheTemplate(string: sources[name]!)
                } catch {
                    throw .invalid(path: place(name), reason: "\(error)")
                }
                if MustacheTags.setsDelimiters(sources[name]!) { throw .invalid(path: place(name), reason: "set-delimiter tags ({{=…=}}) are not supported") }
            }
            for partial in includes[name]! where partial.contains("/") || sources[partial] == nil {
                throw .unknownPartial(path: place(name), partial: partial)
            }
        }
        if let cycle = Self.inclusionCycle(includes) {
            throw .invalid(path: place(cycle[0]),
                           reason: "it includes itself (" + cycle.map { "{{> \($0)}}" }.joined(separator: " → ") + ")")
        }
        let extents = Self.extents(sources: sources, outlines: outlines)
        for name in sources.keys.sorted() {
            let extent = extents[name]!
            if extent.depth > Self.maxDepth { throw .tooDeep(path: place(name), depth: extent.depth, limit: Self.maxDepth) }
            if extent.size > Self.maxExpandedSize { throw .tooLarge(path: place(name), limit: Self.maxExpandedSize) }
        }
        self.origins = origins
        self.extents = extents
        self.parsed = ParsedTemplates(sources: sources, includes: includes, parsed: parsed)
    }

    /// The rendered text, with CRLF or CR line ends made LF (the MIME layer writes CRLF).
    ///
    /// Its sections repeat within a `RenderBudget` of `maxRenderedSize`: a template that would
    /// repeat them further (sections over lists nested in each other) is cut short there, and
    /// the text says so at its end rather than growing without bound under the series lock.
    public func render(_ name: Name, _ context: [String: Any]) -> String {
        let budget = RenderBudget(bytes: Self.maxRenderedSize, cost: extents[name.rawValue]?.size ?? 0)
        let wrapped = budget.wrapping(context) as! [String: Any]
        var text = parsed.library(toRender: name.rawValue).render(wrapped, withTemplate: name.rawValue)!
        if budget.spent {
            text += "\n[The template \(name.rawValue)\(Self.fileExtension) repeats its sections past \(Self.maxRenderedSize >> 20) MiB; "
                + "the rest was left out.]\n"
        }
        return text.utf8.contains(13) ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
    }

    /// The file a template or partial named `name` is read from.
    public static func path(of name: String, in directory: String) -> String {
        (directory as NSString).appendingPathComponent(name + fileExtension)
    }

    /// The deepest nesting of sections and partials a template may have: the built-in ones
    /// reach 3, and 3,000 overflowed the parser's stack.
    public static let maxDepth = 32

    /// The most a template may hold with its partials written out in place (1 MiB): the
    /// built-in ones hold a few KiB.
    public static let maxExpandedSize = 1 << 20

    /// What one rendering may grow to by repeating its sections (16 MiB): a report of
    /// hundreds of sessions is far smaller.
    public static let maxRenderedSize = 16 << 20

    /// For each template, how deep it nests with the partials it includes (an inclusion counts as
    /// a level) and how long it is with them written out, the size capped just past
    /// `maxExpandedSize`. Partials must not include themselves (`inclusionCycle` is nil).
    static func extents(sources: [String: String], outlines: [String: MustacheTags.Outline]) -> [String: (depth: Int, size: Int)] {
        var extents: [String: (depth: Int, size: Int)] = [:]
        func extent(_ name: String) -> (depth: Int, size: Int) {
            if let known = extents[name] { return known }
            let outline = outlines[name]!
            var depth = outline.depth, size = sources[name]!.utf8.count
            for partial in outline.partials {
                let inner = extent(partial.name)
                depth = max(depth, partial.depth + 1 + inner.depth)
                size = min(size + inner.size, maxExpandedSize + 1)
            }
            extents[name] = (depth, size)
            return (depth, size)
        }
        for name in sources.keys { _ = extent(name) }
        return extents
    }

    /// The first chain of partials that leads back to where it started, if any: `[a, b, a]`;
    /// `includes` holds the partials each template names.
    static func inclusionCycle(_ includes: [String: [String]]) -> [String]? {
        var finished: Set<String> = []
        func walk(_ name: String, _ path: [String]) -> [String]? {
            if let start = path.firstIndex(of: name) { return Array(path[start...]) + [name] }
            guard !finished.contains(name) else { return nil }
            for next in includes[name] ?? [] {
                if let cycle = walk(next, path + [name]) { return cycle }
            }
            finished.insert(name)
            return nil
        }
        for name in includes.keys.sorted() {
            if let cycle = walk(name, []) { return cycle }
        }
        return nil
    }
}

/// Why the templates folder cannot be used.
public enum TemplateError: Error, Equatable, CustomStringConvertible {
    /// Not valid Mustache (exit 65).
    case invalid(path: String, reason: String)
    /// A partial tag names something that is neither built in nor a file of the folder (exit 65).
    case unknownPartial(path: String, partial: String)
    /// Sections and partials nest deeper than `Templates.maxDepth` (exit 65).
    case tooDeep(path: String, depth: Int, limit: Int)
    /// With its partials written out in place, longer than `Templates.maxExpandedSize` (exit 65).
    case tooLarge(path: String, limit: Int)
    /// Uses a variable an earlier version gave and this one does not (exit 65).
    case retiredVariable(path: String, line: Int, column: Int, variable: String, instead: String)

    public var description: String {
        switch self {
        case .invalid(let path, let reason): return "The template '\(path)' is not valid Mustache: \(reason)."
        case .unknownPartial(let path, let partial):
            return "The template '\(path)' includes the partial '\(partial)', which is neither built in nor a template of the folder. "
                + "A partial is named by its file name without '.mustache' (e.g. {{> footer}} for footer.mustache) "
                + "and must be in the same folder."
        case .tooDeep(let path, let depth, let limit):
            return "The template '\(path)' nests sections and partials \(depth) deep; at most \(limit) levels are allowed."
        case .tooLarge(let path, let limit):
            return "The template '\(path)' is longer than \(limit >> 20) MiB with its partials written out in place "
                + "(a partial included several times counts each time); include fewer partials, or fewer times."
        case .retiredVariable(let path, let line, let column, let variable, let instead):
            return "\(path):\(line):\(column): The template uses '\(variable)', which roundtable no longer gives: \(instead). "
                + "The README's 'What members receive' lists what each template is given."
        }
    }
}
