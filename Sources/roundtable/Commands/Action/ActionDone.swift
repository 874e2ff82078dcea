import ArgumentParser
import ICalendar

/// `roundtable action done`: mark an action done.
struct ActionDone: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "done", abstract: "Mark an action done.")

    @OptionGroup var options: CommonOptions

    @Argument(help: "The action id, e.g. A7.")
    var id: String

    @Option(help: ArgumentHelp("The day it was done (default: the as-of day).", valueName: "YYYY-MM-DD"))
    var on: String?

    func validate() throws {
        if let on, LocalDate(iso: on) == nil { throw ValidationError("'\(on)' is not a date; use YYYY-MM-DD.") }
    }

    func run() throws {
        let context = try options.load()
        let day = on.flatMap { LocalDate(iso: $0) } ?? context.asOf
        let action = try context.store.setActionDone(series: context.schedule.series.id, id: id, on: day)
        print("\(action.id) done \(day): \(action.text)")
    }
}
