import ArgumentParser
import Foundation

/// The `roundtable` command: a series of facilitated round tables, run from a plain-text plan.
///
/// Every command names itself (`commandName:`): left to ArgumentParser, the name comes from
/// `String(describing:)` of the type, whose conformance look-ups were a third of the start-up cost
/// of the cron path (see docs/performance.md).
@main
struct RoundTable: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roundtable",
        abstract: "Run a series of facilitated round-table meetings from a plain-text plan.",
        discussion: "Start with 'roundtable init', which makes the state; every other command but import refuses one that does not exist. "
            + "Exit codes: 0 ok, 1 overdue found, 64 usage, 65 bad data, 66 input missing (a file, a state init never made, "
            + "or a series it was never set up for), 69 service unavailable, 73 cannot write, 74 I/O error (disk full), 75 try again later, 77 not permitted (a server refused the login).",
        version: Version.text,
        subcommands: [Init.self, Check.self, Status.self, Overdue.self, Export.self, Publish.self, Advance.self, Action.self,
                      Invite.self, RSVP.self, Remind.self, Away.self,
                      Writeup.self, Disseminate.self, Report.self, Dump.self, Import.self, Repair.self, Templates.self, Members.self, Serve.self]
    )

    /// Parses, runs, and turns our typed errors into the exit codes of the command contract.
    static func main() {
        // A file size limit (ulimit -f) would otherwise kill us with SIGXFSZ in the middle of a
        // write; ignored, the write fails with EFBIG and is reported like a full disk.
        signal(SIGXFSZ, SIG_IGN)
        do {
            var command = try parseAsRoot()
            if let problem = Clock.process.problem { throw RoundTableError.usage(problem) }
            try command.run()
            try StandardOutput.close(what: (type(of: command) as? NamedOutput.Type)?.output ?? "the output")
        } catch {
            guard let failure = RoundTableError(error) else { exit(withError: error) }
            FileHandle.standardError.write(Data(failure.report.utf8))
            Foundation.exit(failure.exitCode)
        }
    }
}
