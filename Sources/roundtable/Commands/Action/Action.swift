import ArgumentParser

extension RoundTable {
    /// `roundtable action`: what members agreed to do, from one session to the next.
    struct Action: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "action",
            abstract: "Add, edit, complete, drop, reopen and list actions.",
            subcommands: [Add.self, Edit.self, Done.self, Drop.self, Reopen.self, List.self])
    }
}
