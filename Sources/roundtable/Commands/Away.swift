import ArgumentParser
import CalendarTime
import RoundTableCore
import RoundTableStore

extension RoundTable {
    /// `roundtable away`: regrets sent in advance. A member away counts as having declined every
    /// session that starts in the period: she is not reminded to come, a role she holds is
    /// flagged to the organiser, and `status` shows her as away.
    struct Away: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "away",
            abstract: "Record that a member is away from one day to another (both included): she counts as declined for the sessions in it.",
            discussion: "'away MEMBER FROM TO [--reason T]' records a period (one of hers starting the same day is replaced); "
                + "'away --list' lists every period; 'away --remove MEMBER FROM' removes one. Kept by dump and import.")

        @OptionGroup var options: CommonOptions

        @Argument(help: "The member's id.", completion: Completions.members)
        var member: String?

        @Argument(help: "The first day away, YYYY-MM-DD.", transform: LocalDate.argument)
        var from: LocalDate?

        @Argument(help: "The last day away, YYYY-MM-DD (the same as FROM for one day).", transform: LocalDate.argument)
        var to: LocalDate?

        @Option(help: "Why she is away, shown with her answer (e.g. 'on leave').")
        var reason: String?

        @Flag(help: "List every away period recorded.")
        var list = false

        @Flag(help: "Remove the period of MEMBER starting on FROM.")
        var remove = false

        func validate() throws {
            if let reason { try ActionText.validate(reason) }
            if list {
                guard member == nil, !remove, reason == nil else { throw ValidationError("--list takes no member, dates, --reason or --remove.") }
            } else if remove {
                guard member != nil, from != nil, to == nil, reason == nil else {
                    throw ValidationError("--remove takes a member and the first day of her period: 'away --remove MEMBER FROM'.")
                }
            } else {
                guard member != nil, let from, let to else { throw ValidationError("Give a member, the first and the last day away: 'away MEMBER FROM TO'.") }
                guard from <= to else { throw ValidationError("The last day away (\(to)) is before the first (\(from)).") }
            }
        }

        func run() throws {
            let context = try options.load()
            let schedule = context.schedule, series = schedule.series.id
            if list {
                let periods = context.records.away
                if periods.isEmpty { print("No away periods recorded.") }
                for period in periods {
                    print("\(period.member): \(period.text)")
                }
                return
            }
            guard let member, let from else { return }
            let person = try StageRules.member(member, in: schedule)
            if remove {
                guard try context.store.removeAway(member: member, from: from.description, series: series) else {
                    throw RoundTableError.invalid("No away period of \(member) starting on \(from); 'roundtable away --list' shows them.")
                }
                print("\(member): away period from \(from) removed")
                return
            }
            guard let to else { return }
            let period = AwayPeriod(member: member, from: from, to: to, reason: reason)
            try context.store.recordAway(period, series: series)
            let sessions = schedule.sessions.filter { session in
                !session.isCancelled && session.timing.start.map { period.covers($0.date) } == true
                    && schedule.attendees(of: session).contains { $0.id == member }
            }
            print("\(person.id) \(period.text): "
                + (sessions.isEmpty ? "no session of hers falls in it" : "counts as declined for \(sessions.map(\.id).joined(separator: ", "))"))
        }
    }
}
