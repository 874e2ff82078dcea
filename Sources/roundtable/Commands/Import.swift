import ArgumentParser
import RoundTableCore
import RoundTableStore

extension RoundTable {
    /// `roundtable import`: read a records file in one transaction, all or nothing.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Read a YAML records file (from dump or seeds/) into the state, all or nothing.",
            discussion: """
                Completions obey advance's rules: stages in order, not before the one they follow, hold not before \
                the session's day, nothing after the as-of day. Every record that breaks a rule is reported at its line, \
                exit 65, and nothing is imported. Records files up to 64 MiB are read (other files: 16 MiB).
                """)

        @OptionGroup var options: CommonOptions

        @Argument(help: "The records file.")
        var file: String

        func run() throws {
            let loaded = try options.loadSchedule()
            let (records, diagnostics) = RecordsFile.read(try TextFile.read(file, limit: TextFile.recordsLimit), file: file, schedule: loaded.schedule,
                                                            asOf: try options.day(in: loaded.schedule))
            guard let records else { throw RoundTableError.badData(diagnostics) }
            let store = try options.openStore()
            try store.importRecords(records)
            let counts = [(records.completions.count, "completion", "completions"), (records.actions.count, "action", "actions"),
                          (records.attendance.count, "attendance record", "attendance records"), (records.invitations.count, "invitation", "invitations"),
                          (records.replies.count, "reply", "replies"), (records.ledger.count, "message sent", "messages sent")]
                .filter { $0.0 > 0 }.map { "\($0.0) \($0.0 == 1 ? $0.1 : $0.2)" }
            let listed = counts.count < 2 ? counts.first ?? "nothing" : counts.dropLast().joined(separator: ", ") + " and " + counts.last!
            print("imported \(listed) into \(loaded.schedule.series.id)")
        }
    }
}
