import ICalendar

/// Something a member agreed to do at a session, carried forward until it is done.
public struct Action: Hashable, Sendable {
    /// Short and stable within a series: `A1`, `A2`, … in the order they were added.
    public let id: String
    public let session: String
    public let owner: String
    public let text: String
    public let due: LocalDate
    /// The day it was done; nil while open.
    public var done: LocalDate?

    public init(id: String, session: String, owner: String, text: String, due: LocalDate, done: LocalDate? = nil) {
        self.id = id
        self.session = session
        self.owner = owner
        self.text = text
        self.due = due
        self.done = done
    }

    public var isOpen: Bool { done == nil }
}
