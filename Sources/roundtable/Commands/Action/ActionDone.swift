import ArgumentParser
import CalendarTime
import RoundTableCore
import RoundTableStore

extension RoundTable.Action {
    /// `roundtable action done`: mark an action done.
    struct Done: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "done", abstract: "Mark an action done.")

        @OptionGroup var options: CommonOptions

        @Argument(help: "The action id, e.g. A7.", completion: Completions.actions)
        var id: String

        @Option(help: ArgumentHelp("The day it was done (default: the as-of day).", valueName: "YYYY-MM-DD"), transform: LocalDate.argument)
        var on: LocalDate?

        func run() throws {
            let context = try options.load()
            let day = on ?? context.asOf
            let action = try context.store.changeAction(series: context.schedule.series.id, id: id) { try ActionRules.done($0, on: day) }
            print("\(action.id) done \(day): \(action.text)")
        }
    }
}
