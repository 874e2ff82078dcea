import ArgumentParser
import Foundation
import RoundTableCore

/// Where write-ups are: an option of every command that reads them (`status` too, which says
/// which are unfinished).
struct WriteupOptions: ParsableArguments {
    @Option(help: "The write-ups folder (default: $ROUNDTABLE_WRITEUPS, else writeups/ beside the schedule file).")
    var writeups: String?

    /// The write-up file of a session.
    func writeupPath(for session: String, schedulePath: String) throws -> String {
        try TextFile.path(named: "\(session).md", in: Self.folder(given: writeups, schedulePath: schedulePath))
    }

    /// The write-ups folder: `given`, else $ROUNDTABLE_WRITEUPS, else writeups/ beside the schedule.
    static func folder(given: String?, schedulePath: String) -> String {
        given ?? Environment.process.value("ROUNDTABLE_WRITEUPS")
            ?? ((schedulePath as NSString).deletingLastPathComponent as NSString).appendingPathComponent("writeups")
    }

    /// The write-ups of a schedule's sessions that exist, read, by session id.
    func existing(in schedule: Schedule, schedulePath: String) throws -> [String: WriteupFile] {
        var found: [String: WriteupFile] = [:]
        for session in schedule.sessions {
            let path = try writeupPath(for: session.id, schedulePath: schedulePath)
            if FileManager.default.fileExists(atPath: path) { found[session.id] = WriteupFile(text: try TextFile.read(path)) }
        }
        return found
    }
}
