import CalendarTime

/// One meeting of the series, as the schedule plans it.
public struct Session: Hashable, Sendable {
    public let id: String
    public let kind: Kind
    public let subject: String
    public let location: String?
    public let timing: Timing
    /// Length of the meeting; the policy's default when the schedule gives none.
    public let duration: ISODuration
    public let facilitators: [String]
    public let rapporteurs: [String]
    public let attendees: Attendees
    public let stages: [Stage]
    /// Sessions whose write-ups feed this one (the seminar lists the round tables).
    public let requires: [String]
    public let isCancelled: Bool
    /// Why a cancelled session was cancelled, when the schedule says (`reason:`), for the report.
    public let cancellationReason: String?

    public init(id: String, kind: Kind, subject: String, location: String?, timing: Timing, duration: ISODuration,
                facilitators: [String], rapporteurs: [String], attendees: Attendees, stages: [Stage],
                requires: [String], isCancelled: Bool, cancellationReason: String? = nil) {
        self.id = id
        self.kind = kind
        self.subject = subject
        self.location = location
        self.timing = timing
        self.duration = duration
        self.facilitators = facilitators
        self.rapporteurs = rapporteurs
        self.attendees = attendees
        self.stages = stages
        self.requires = requires
        self.isCancelled = isCancelled
        self.cancellationReason = cancellationReason
    }

    /// meeting | roundtable | seminar.
    public enum Kind: String, CaseIterable, Sendable {
        case meeting, roundtable, seminar

        /// The stages a session of this kind has when the schedule does not list them.
        public var defaultStages: [Stage] {
            switch self {
            case .roundtable: return [.plan, .hold, .writeup, .disseminate]
            case .meeting: return [.plan, .hold, .writeup]
            case .seminar: return [.plan, .hold]
            }
        }
    }

    /// When the session happens: fixed, or only known to a month or a window so far.
    public enum Timing: Hashable, Sendable {
        case fixed(LocalDateTime)
        case month(year: Int, month: Int)
        case window(from: LocalDate, to: LocalDate)

        /// The first day the session could be on.
        public var earliestDay: LocalDate {
            switch self {
            case .fixed(let t): return t.date
            case .month(let y, let m): return LocalDate(year: y, month: m, day: 1)!
            case .window(let from, _): return from
            }
        }

        /// The last day the session could be on: what "held by" means for a tentative session.
        public var latestDay: LocalDate {
            switch self {
            case .fixed(let t): return t.date
            case .month(let y, let m): return LocalDate(year: y, month: m, day: LocalDate.daysIn(year: y, month: m))!
            case .window(_, let to): return to
            }
        }

        /// The start time, when fixed.
        public var start: LocalDateTime? {
            if case .fixed(let t) = self { return t }
            return nil
        }
    }

    /// Everyone, or a list of member ids.
    public enum Attendees: Hashable, Sendable {
        case all
        case members([String])
    }
}

let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                  "September", "October", "November", "December"]

func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
