import ArgumentParser
import RoundTableCore
import RoundTableStore

extension RoundTable.Members {
    /// `roundtable member link ID [--rotate]`: makes the member's secret link to her page on
    /// `roundtable serve` and prints it. The state keeps only the link's hash, so a link is shown
    /// once; `--rotate` makes a new one, and the old one stops working.
    struct Link: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "link",
            abstract: "Make a member's secret link to her page and print it.",
            discussion: """
                The link holds 128 random bits; the state keeps only their SHA-256, so the link is printed this once \
                and cannot be shown again. Give it to the member alone. --rotate makes a new link and revokes the old \
                one (a server running notices within a second). Links are not kept by dump and import: after an \
                import, make them again.
                """)

        @OptionGroup var options: CommonOptions

        @Argument(help: "The member.", completion: Completions.members)
        var member: String

        @Flag(help: "Make a new link even if she has one; the old one stops working.")
        var rotate = false

        @Option(name: .customLong("base-url"), help: ArgumentHelp(
            "The address 'roundtable serve' is reached at (default: $ROUNDTABLE_BASE_URL, else http://127.0.0.1:8080).",
            valueName: "url"))
        var baseURL: String?

        func run() throws {
            let context = try options.load()
            let member = try context.member(self.member)
            let series = context.schedule.series.id
            if !rotate, try context.store.hasMemberLink(series: series, member: member.id) {
                throw RoundTableError.invalid("\(member.id) already has a link, which cannot be shown again (the state keeps only its hash). "
                    + "Make a new one with 'roundtable member link \(member.id) --rotate' (the old one then stops working).")
            }
            let token = try context.store.issueMemberLink(series: series, member: member.id)
            var base = baseURL ?? context.environment.value("ROUNDTABLE_BASE_URL") ?? "http://127.0.0.1:8080"
            while base.hasSuffix("/") { base.removeLast() }
            print("\(base)/m/\(token)")
        }
    }
}
