import ArgumentParser
import CalendarTime
import RoundTableCore
import RoundTableStore

extension RoundTable.Action {
    /// `roundtable action edit`: reword, reassign or re-date an action; each change is kept in its history.
    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "Change an action's text, owner or due date.")

        @OptionGroup var options: CommonOptions

        @Argument(help: "The action id, e.g. A7.", completion: Completions.actions)
        var id: String

        @Option(help: "The new text.")
        var text: String?

        @Option(help: "The member who will now do it.", completion: Completions.members)
        var owner: String?

        @Option(help: ArgumentHelp("The new due date (it then no longer follows the next session).", valueName: "YYYY-MM-DD"),
                transform: LocalDate.argument)
        var due: LocalDate?

        @Flag(help: "Keep a due date before the action's session or the as-of day, which is otherwise refused as a slip (exit 65).")
        var force = false

        func validate() throws {
            if let text { try ActionText.validate(text) }
        }

        func run() throws {
            let context = try options.load()
            let action = try context.store.changeAction(series: context.schedule.series.id, id: id) { recorded in
                if let due, !force { try ActionRules.checkDue(due, from: recorded.session, asOf: context.asOf, in: context.schedule) }
                return try ActionRules.edit(recorded, text: text, owner: owner, due: due, on: context.asOf, in: context.schedule)
            }
            print("\(action.id) (\(action.owner), due \(action.due)): \(action.text)")
        }
    }
}
