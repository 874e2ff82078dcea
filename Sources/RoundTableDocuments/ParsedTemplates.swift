import Mustache
import Synchronization

/// The parsed templates of one `Templates`, shared by its copies and by the threads that render
/// with it.
///
/// `Templates` parses only the files that differ from the built-in templates (to check them);
/// the others are parsed here the first time they, or a template including them, are rendered,
/// and each only once, however many messages are rendered from it.
final class ParsedTemplates: Sendable {
    /// Every template and partial in use, by name.
    private let sources: [String: String]
    /// The partials each template names, all known to be among `sources`.
    private let includes: [String: [String]]
    private let library: Mutex<MustacheLibrary>

    init(sources: [String: String], includes: [String: [String]], parsed: [String: MustacheTemplate]) {
        self.sources = sources
        self.includes = includes
        library = Mutex(MustacheLibrary(templates: parsed))
    }

    /// A library holding `name` and every partial it includes, directly or through others.
    func library(toRender name: String) -> MustacheLibrary {
        library.withLock { library in
            var pending = [name]
            var seen: Set<String> = []
            while let next = pending.popLast() {
                guard seen.insert(next).inserted else { continue }
                if library.getTemplate(named: next) == nil {
                    // Not parsed yet only when its text is a built-in template's, which the tests
                    // parse (TemplatesTests): it cannot fail.
                    library.register(try! MustacheTemplate(string: sources[next]!), named: next)
                }
                pending += includes[next] ?? []
            }
            return library
        }
    }
}
