/// Everything recorded about one series that its schedule cannot say: the state `dump` writes
/// and `import` reads back.
public struct Records: Hashable, Sendable {
    public let series: String
    public var completions: [Completion]
    public var actions: [Action]

    public init(series: String, completions: [Completion] = [], actions: [Action] = []) {
        self.series = series
        self.completions = completions
        self.actions = actions
    }
}
