import ArgumentParser

extension RoundTable {
    /// `roundtable templates`: the Mustache templates messages and documents are rendered from.
    struct Templates: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "templates",
            abstract: "Show where each template comes from, or write the built-in ones out to start from.",
            discussion: """
                Every template is built into roundtable. A folder (--templates, $ROUNDTABLE_TEMPLATES, or \
                templates/ beside the schedules folder) replaces them file by file: a folder holding only \
                reminder.txt.mustache rewords the reminder and keeps the rest.
                """,
            subcommands: [List.self, Export.self])
    }
}
