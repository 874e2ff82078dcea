import ArgumentParser
import Foundation
import RoundTableCore

extension RoundTable.Action {
    /// `roundtable action list`: every action, or the open ones, or one member's.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List actions.")

        @OptionGroup var options: CommonOptions

        @Flag(help: "Only open actions.")
        var open = false

        @Option(help: "Only this member's actions.", completion: Completions.members)
        var owner: String?

        @Flag(help: "Print JSON (schema roundtable.actions/1, see docs/json.md).")
        var json = false

        func run() throws {
            let context = try options.load().asItStood
            if let owner { _ = try StageRules.member(owner, in: context.schedule) }
            let actions = context.records.actions.filter { (!open || $0.isOpen) && (owner == nil || $0.owner == owner) }
            let report = ActionListReport(series: context.schedule.series.id, actions: actions)
            if json {
                print(try JSONOutput.encode(report))
            } else {
                print(report.table(), terminator: "")
            }
        }
    }
}
