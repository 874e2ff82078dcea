import ArgumentParser

/// `roundtable action`: what members agreed to do, from one session to the next.
struct ActionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "action",
        abstract: "Add, complete, reopen and list actions.",
        subcommands: [ActionAdd.self, ActionDone.self, ActionReopen.self, ActionList.self])
}
