import CalendarTime

extension FeedBuilder {
    /// The feed of a series as its records stand (deadlines as completions moved them, open
    /// actions on their due days): `export` and `roundtable-serve` both build their feeds through
    /// this one initialiser, so a served feed has the same bytes as an exported one.
    public init(schedule: Schedule, records: Records, stamp: LocalDateTime, includeTodos: Bool = true) {
        self.init(schedule: schedule, timelines: Timeline.compute(schedule, completions: records.completions), stamp: stamp)
        self.includeTodos = includeTodos
        self.actions = records.actions
    }
}
