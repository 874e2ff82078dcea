import Foundation

/// What most end-to-end suites start from: a fresh folder, a state file in it and the bundled AJC
/// schedule, handed to the binary through the environment as a user's shell profile would.
package struct Workspace {
    package let folder: URL
    /// The binary's environment; a suite adds what it needs (a clock, a write-ups folder).
    package var env: [String: String]

    /// `initialised`: the state is made (`roundtable init`) for the schedule's series, as a
    /// coordinator starts; false leaves it not there, for tests of that (or of a schedule `init`
    /// would refuse).
    package init(_ extra: [String: String] = [:], initialised: Bool = true) throws {
        folder = try temporaryDirectory()
        env = ["ROUNDTABLE_SCHEDULE": bundledSchedule, "ROUNDTABLE_STATE": folder.appendingPathComponent("state.sqlite").path]
            .merging(extra) { _, new in new }
        if initialised {
            let made = try rt(["init"])
            guard made.status == 0 else { throw WorkspaceFailure(message: "roundtable init exited \(made.status): \(made.stderr)") }
        }
    }

    /// `roundtable init` failed while making a workspace: its exit status and what it said.
    package struct WorkspaceFailure: Error, CustomStringConvertible {
        package let message: String
        package var description: String { message }
    }

    /// The built binary in this workspace, with `extra` added to its environment.
    package func rt(_ arguments: [String], _ extra: [String: String] = [:]) throws -> Run {
        try roundtable(arguments, environment: env.merging(extra) { _, new in new })
    }

    /// Imports the AJC seeds into the workspace's state.
    package func seed() throws -> Run { try rt(["import", bundledSeeds]) }

    /// The answers recorded for `session` as `status --json` counts them: accepted, declined,
    /// tentative, noAnswer.
    package func answers(_ session: String, _ extra: [String: String] = [:]) throws -> [String: Int] {
        let json = try JSONSerialization.jsonObject(with: Data(try rt(["status", "--json"], extra).stdout.utf8)) as? [String: Any]
        let sessions = json?["sessions"] as? [[String: Any]] ?? []
        return sessions.first { $0["id"] as? String == session }?["answers"] as? [String: Int] ?? [:]
    }
}

/// The bundled AJC schedule, which most tests run against.
package let bundledSchedule = repositoryRoot.appendingPathComponent("schedules/ajc-2012.yaml").path

/// What had happened in the AJC series by 26 November 2012 (`roundtable import` reads it).
package let bundledSeeds = repositoryRoot.appendingPathComponent("seeds/ajc-2012-records.yaml").path
