/// The four stages every session moves through, in this order.
public enum Stage: String, CaseIterable, Comparable, Sendable, Codable {
    case plan, hold, writeup, disseminate

    public static func < (a: Stage, b: Stage) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// What "done" means, in the words a coordinator uses.
    public var meaning: String {
        switch self {
        case .plan: return "date, venue and facilitator fixed; invitations sent"
        case .hold: return "the session took place"
        case .writeup: return "the write-up is agreed"
        case .disseminate: return "findings sent to the membership"
        }
    }

    /// A short label for deadlines in calendars and tables.
    public var label: String {
        switch self {
        case .plan: return "Plan"
        case .hold: return "Hold"
        case .writeup: return "Write-up"
        case .disseminate: return "Disseminate"
        }
    }
}
