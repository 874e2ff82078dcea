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
                reminder.txt.mustache rewords the reminder and keeps the rest. Each message has its text \
                (NAME.txt) and its subject (NAME.subject); task and due are partials that word a task and its \
                day alike everywhere. Every template is given 'group' (the series' short-title, else its title), \
                'recipient', 'organiser' and 'series'. A file using a variable no longer given (the reminder's \
                'asOf', 'reason', 'others', 'othersNotShown') is refused at its line and column.
                """,
            subcommands: [List.self, Export.self])
    }
}
