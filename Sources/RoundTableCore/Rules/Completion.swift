import CalendarTime

/// A recorded fact: a session's stage was done on a day.
public struct Completion: Hashable, Sendable {
    public let session: String
    public let stage: Stage
    public let on: LocalDate

    public init(session: String, stage: Stage, on: LocalDate) {
        self.session = session
        self.stage = stage
        self.on = on
    }
}
