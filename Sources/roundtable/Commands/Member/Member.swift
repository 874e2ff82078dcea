import ArgumentParser

extension RoundTable {
    /// `roundtable member` (a type named `Members`, so that the model's `Member` keeps its name in every command): what concerns one member beyond the schedule (her secret link).
    struct Members: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "member",
            abstract: "Give a member her secret link to her page.",
            subcommands: [Link.self])
    }
}
