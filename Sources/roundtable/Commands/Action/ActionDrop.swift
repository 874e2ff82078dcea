import ArgumentParser
import RoundTableCore
import RoundTableStore

extension RoundTable.Action {
    /// `roundtable action drop`: let an action go; it stays in the history, shown as dropped, and is never reminded.
    struct Drop: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "drop", abstract: "Drop an action that will not be done (kept in history).")

        @OptionGroup var options: CommonOptions

        @Argument(help: "The action id, e.g. A7.", completion: Completions.actions)
        var id: String

        @Option(help: "Why it is dropped.")
        var reason: String?

        func validate() throws {
            if let reason { try ActionText.validate(reason) }
        }

        func run() throws {
            let context = try options.load()
            let day = context.asOf
            let action = try context.store.changeAction(series: context.schedule.series.id, id: id) {
                try ActionRules.drop($0, on: day, reason: reason)
            }
            print("\(action.id) dropped \(day): \(action.text)")
        }
    }
}
