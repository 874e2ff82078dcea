import ArgumentParser
import RoundTableCore
import RoundTableStore

extension RoundTable.Action {
    /// `roundtable action reopen`: an action marked done by mistake, or not really finished.
    struct Reopen: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reopen", abstract: "Reopen an action marked done or dropped.")

        @OptionGroup var options: CommonOptions

        @Argument(help: "The action id, e.g. A7.", completion: Completions.actions)
        var id: String

        func run() throws {
            let context = try options.load()
            let action = try context.store.changeAction(series: context.schedule.series.id, id: id, ActionRules.reopen)
            print("\(action.id) open again: \(action.text)")
        }
    }
}
