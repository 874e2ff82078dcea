import ArgumentParser
import RoundTableCore
import RoundTableStore

extension RoundTable {
    /// `roundtable import`: read a records file in one transaction, all or nothing.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Read a YAML records file (from dump or seeds/) into the state, all or nothing; what it already holds is left as it is.",
            discussion: """
                Importing a file twice changes nothing the second time ("nothing new"). Records the state holds otherwise \
                (a stage done on another day, an action changed since) are listed together and refused (exit 65), and nothing is imported. \
                Completions obey advance's rules, together with those the state holds: stages in order, not before the \
                one they follow, hold not before the session's day, nothing after the as-of day. Every record that breaks a \
                rule is reported at its line, exit 65, and nothing is imported. Records files up to 64 MiB are read (other files: 16 MiB).
                """)

        @OptionGroup var options: CommonOptions

        @Argument(help: "The records file.")
        var file: String

        func run() throws {
            let loaded = try options.loadSchedule()
            let text = try TextFile.read(file, limit: TextFile.recordsLimit), asOf = try options.day(in: loaded.schedule)
            // The file is read with the completions the state holds, in the transaction that imports it, so advance's
            // rules judge the two together; a state that does not exist yet is made only for a file without mistakes.
            let read = { (holds: [Completion]) throws -> Records in
                let (records, diagnostics) = RecordsFile.read(text, file: file, schedule: loaded.schedule, asOf: asOf, holds: holds)
                guard let records else { throw RoundTableError.badData(diagnostics) }
                return records
            }
            let alone = try options.existingStore() == nil ? try read([]) : nil
            let store = try options.openStore(recordingFor: loaded.schedule, ifMissing: .create)
            let records = try store.importRecords(series: loaded.schedule.series.id) { holds in
                if holds.isEmpty, let alone { return alone }
                return try read(holds)
            }
            let counts = [(records.completions.count, "completion", "completions"), (records.actions.count, "action", "actions"),
                          (records.attendance.count, "attendance record", "attendance records"), (records.invitations.count, "invitation", "invitations"),
                          (records.replies.count, "reply", "replies"), (records.ledger.count, "message sent", "messages sent")]
                .filter { $0.0 > 0 }.map { "\($0.0) \($0.0 == 1 ? $0.1 : $0.2)" }
            guard !counts.isEmpty else {
                print("nothing new: the state already holds every record of \(file) in \(loaded.schedule.series.id)")
                return
            }
            let listed = counts.count < 2 ? counts[0] : counts.dropLast().joined(separator: ", ") + " and " + counts.last!
            print("imported \(listed) into \(loaded.schedule.series.id)")
        }
    }
}
