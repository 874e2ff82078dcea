import ArgumentParser

/// `roundtable action`: what members agreed to do, from one session to the next.
struct ActionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "action",
        abstract: "Add, edit, complete, drop, reopen and list actions.",
        subcommands: [ActionAdd.self, ActionEdit.self, ActionDone.self, ActionDrop.self, ActionReopen.self, ActionList.self])
}
