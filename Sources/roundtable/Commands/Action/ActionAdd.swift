import ArgumentParser
import CalendarTime
import RoundTableCore
import RoundTableStore

extension RoundTable.Action {
    /// `roundtable action add`: prints the new action's id, so scripts can capture it.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add an action; prints its id (e.g. A7).")

        @OptionGroup var options: CommonOptions

        @Option(help: "The session it was agreed at.", completion: Completions.sessions)
        var session: String

        @Option(help: "The member who will do it.", completion: Completions.members)
        var owner: String

        @Option(help: "What is to be done.")
        var text: String

        @Option(help: ArgumentHelp("When it is due (default: by the next session, following it if it moves).", valueName: "YYYY-MM-DD"), transform: LocalDate.argument)
        var due: LocalDate?

        @Flag(help: "Keep a due date before the session or the as-of day, which is otherwise refused as a slip (exit 65).")
        var force = false

        func validate() throws {
            try ActionText.validate(text)
        }

        func run() throws {
            let context = try options.load()
            let schedule = context.schedule
            _ = try StageRules.session(session, in: schedule)
            if let due, !force { try ActionRules.checkDue(due, from: session, asOf: context.asOf, in: schedule) }
            let dueDate = try due ?? StageRules.defaultActionDue(after: session, in: schedule)
            try ActionRules.checkOwner(owner, due: dueDate, in: schedule)
            let action = try context.store.addAction(series: schedule.series.id, session: session, owner: owner, text: text, due: dueDate,
                                                     followsNextSession: due == nil)
            print(action.id)
        }
    }
}
