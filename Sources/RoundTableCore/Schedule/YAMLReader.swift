import CalendarTime

/// Reads YAML nodes into values while collecting every problem with its line and column.
///
/// Each reading method records what is wrong and returns nil instead of throwing, so one pass
/// over a file reports all of its mistakes at once. Scalars are always taken as their raw text:
/// no YAML timestamp or number rule ever reinterprets `2012-10-26T10:30:00` or `0700`.
public struct YAMLReader {
    public let file: String
    /// Every problem found, in the file's order (line, then column; those about the whole file
    /// first), whatever order the checks found them in: a reader fixes a file top to bottom.
    public var diagnostics: [Diagnostic] {
        found.enumerated().sorted { ($0.element.line ?? 0, $0.element.column ?? 0, $0.offset) < ($1.element.line ?? 0, $1.element.column ?? 0, $1.offset) }
            .map(\.element)
    }
    private var found: [Diagnostic] = []

    public init(file: String) { self.file = file }

    /// Parses text into a node tree; a syntax error becomes a located diagnostic, worded as
    /// Yams worded it when it composed the tree.
    public mutating func compose(_ text: String) -> YAMLNode? {
        if let (line, column, message) = YAMLAliasGuard.problem(in: text) {
            found.append(Diagnostic(file: file, line: line, column: column, severity: .error, message: message))
            return nil
        }
        do throws(YAMLComposer.Failure) {
            guard let node = try YAMLComposer.compose(text) else {
                report(nil, "The file is empty.")
                return nil
            }
            return node
        } catch .syntax(let problem, let line, let column) {
            found.append(Diagnostic(file: file, line: line, column: column, severity: .error, message: "Not valid YAML: \(problem)."))
        } catch .unreadable(let problem) {
            report(nil, "Not readable as UTF-8 text: \(problem).")
        } catch .duplicateKeys(let keys, let line, let column) {
            found.append(Diagnostic(file: file, line: line, column: column, severity: .error,
                                          message: "Duplicated \(Plural.noun(keys.count, "key")) " + keys.map { "'\($0)'" }.joined(separator: ", ") + "."))
        } catch {
            report(nil, "Not valid YAML: Memory error.")
        }
        return nil
    }

    /// Records an error at a node (or the whole file when nil).
    public mutating func report(_ node: YAMLNode?, _ message: String, severity: Diagnostic.Severity = .error) {
        found.append(Diagnostic(file: file, line: node?.line, column: node?.column,
                                      severity: severity, message: message))
    }

    /// The entries of a mapping whose keys are known, by key.
    ///
    /// A list searched in order rather than a dictionary: it holds only allowed keys, once each
    /// (a handful: a member has seven), which are found sooner by comparing than by hashing.
    public struct Entries {
        private var entries: [(key: String, value: YAMLNode)] = []

        /// The value of `key`, if the mapping has it.
        public subscript(key: String) -> YAMLNode? {
            entries.first { $0.key == key }?.value
        }

        fileprivate init(capacity: Int) { entries.reserveCapacity(capacity) }

        fileprivate mutating func add(_ key: String, _ value: YAMLNode) { entries.append((key, value)) }
    }

    /// The entries of a mapping, with unknown and duplicate keys reported and missing required ones too.
    public mutating func mapping(_ node: YAMLNode?, _ what: String, allowed: [String], required: [String] = []) -> Entries? {
        guard let node else { return nil }
        guard let map = node.mapping else {
            report(node, "\(what) should be a mapping of keys to values.")
            return nil
        }
        var entries = Entries(capacity: map.count)
        for (key, value) in map {
            let name = key.string ?? ""
            if entries[name] != nil {
                report(key, "Duplicate key '\(Excerpt.of(name))' in \(what).")
            } else if !allowed.contains(name) {
                report(key, "Unknown key '\(Excerpt.of(name))' in \(what).\(suggestion(for: name, among: allowed))")
            } else {
                // A required key left empty (`series:` and nothing after it) is as good as missing,
                // and is said at the key, where the person left it empty.
                if required.contains(name), value.isNull { report(key, "'\(Excerpt.of(name))' in \(what) has no value.") }
                entries.add(name, value)
            }
        }
        for key in required where entries[key] == nil {
            report(node, "\(what) is missing '\(key)'.")
        }
        return entries
    }

    /// A scalar's text; empty and null scalars count as absent.
    ///
    /// Here and below, `what` names the value in a message, and is worded only for a message:
    /// most name the member or session (`"The name of member 'sam'"`), and every member of an
    /// organisation is read.
    public mutating func string(_ node: YAMLNode?, _ what: @autoclosure () -> String) -> String? {
        guard let node else { return nil }
        guard let text = node.string else {
            report(node, "\(what()) should be a single value.")
            return nil
        }
        return node.isNull ? nil : text
    }

    /// A list of scalars; a single scalar counts as a list of one.
    public mutating func strings(_ node: YAMLNode?, _ what: @autoclosure () -> String) -> [String]? {
        guard let node else { return nil }
        if node.string != nil { return string(node, what()).map { [$0] } }
        guard let items = node.sequence else {
            report(node, "\(what()) should be a list.")
            return nil
        }
        return items.compactMap { string($0, "Each item of \(what())") }
    }

    /// A date written YYYY-MM-DD, in `SupportedYears`.
    public mutating func date(_ node: YAMLNode?, _ what: @autoclosure () -> String) -> LocalDate? {
        guard let text = string(node, what()) else { return nil }
        guard let date = LocalDate(iso: text) else {
            report(node, "\(what()) '\(Excerpt.of(text))' is not a date (YYYY-MM-DD).")
            return nil
        }
        return inSupportedYears(date, at: node, what())
    }

    /// `date` when it is in `SupportedYears`; else nil, reported at `node`.
    public mutating func inSupportedYears(_ date: LocalDate, at node: YAMLNode?, _ what: @autoclosure () -> String) -> LocalDate? {
        guard SupportedYears.contains(date) else {
            report(node, SupportedYears.refusal(what(), date))
            return nil
        }
        return date
    }

    /// An ISO 8601 duration such as `P14D` or `PT3H30M`.
    public mutating func duration(_ node: YAMLNode?, _ what: @autoclosure () -> String, calendarOnly: Bool) -> ISODuration? {
        guard let text = string(node, what()) else { return nil }
        let value: ISODuration
        do {
            value = try ISODuration(parsing: text)
        } catch .malformed {
            report(node, "\(what()) '\(Excerpt.of(text))' is not an ISO 8601 duration (e.g. 'P14D', 'P2W', 'PT3H30M').")
            return nil
        } catch {
            report(node, "\(what()) '\(Excerpt.of(text))' is longer than \(ISODuration.longest.years) years, "
                + "the longest any plan may use.")
            return nil
        }
        if calendarOnly && !value.isCalendarOnly {
            report(node, "\(what()) '\(Excerpt.of(text))' must be whole days, weeks, months or years (e.g. 'P14D').")
            return nil
        }
        return value
    }

    /// Reports a value bound for an email header that holds a line break or another control
    /// character (`HeaderText`'s rule, the mail layer's own), so `check` stops what sending would.
    public mutating func refuseLineBreaks(_ value: String?, at node: YAMLNode?, _ what: @autoclosure () -> String) {
        guard let value, let control = HeaderText.firstControl(in: value) else { return }
        report(node, "\(what()) contains \(HeaderText.describe(control)); it ends up in an email header, "
            + "so it must be one line of printable text.")
    }

    private func suggestion(for name: String, among options: [String]) -> String {
        let best = options.min { editDistance(name, $0) < editDistance(name, $1) }
        guard let best, editDistance(name, best) <= max(2, name.count / 3) else {
            return " Known keys: " + options.joined(separator: ", ") + "."
        }
        return " Did you mean '\(best)'?"
    }
}

/// " Did you mean 'gareth'?" when one of `ids` is at most two edits from `id` (a typo), else
/// nothing: for an unknown member or session id, where listing every id of a large group would
/// bury the hint.
func didYouMean(_ id: String, among ids: [String]) -> String {
    var best: (id: String, distance: Int)?
    for candidate in ids {
        let distance = editDistance(id, candidate)
        if distance <= 2, distance < best?.distance ?? .max { best = (candidate, distance) }
    }
    return best.map { " Did you mean '\($0.id)'?" } ?? ""
}

/// Levenshtein distance, for "did you mean" hints on misspelt keys and ids.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    var row = Array(0...b.count)
    for i in 1...max(a.count, 1) where !a.isEmpty {
        var previous = row[0]
        row[0] = i
        for j in stride(from: 1, through: b.count, by: 1) {
            let current = row[j]
            row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
            previous = current
        }
    }
    return row[b.count]
}
