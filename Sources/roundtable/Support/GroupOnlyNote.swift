import Foundation
import RoundTableCore

/// What `check` and `status` say about the write-ups' areas marked "(group only)": how many there
/// are and where, so a coordinator knows what `report --public` will leave out before sending it.
enum GroupOnlyNote {
    /// The line for one series, or nil when no write-up holds a group-only area. Write-ups are
    /// read from $ROUNDTABLE_WRITEUPS, else writeups/ beside the schedule; one that cannot be
    /// read is passed over (the commands that use it say why).
    static func line(for loaded: LoadedSchedule) -> String? {
        let folder = WriteupOptions.folder(given: nil, schedulePath: loaded.file)
        var writeups: [String: WriteupFile] = [:]
        for session in loaded.schedule.sessions {
            guard let path = try? TextFile.path(named: "\(session.id).md", in: folder),
                  FileManager.default.fileExists(atPath: path), let text = try? TextFile.read(path) else { continue }
            writeups[session.id] = WriteupFile(text: text)
        }
        return line(loaded.schedule, writeups: writeups)
    }

    /// The line for write-ups already read (`status` has read them, from its own --writeups).
    static func line(_ schedule: Schedule, writeups: [String: WriteupFile]) -> String? {
        let counts: [(String, Int)] = schedule.sessions.compactMap { session in
            guard let count = writeups[session.id]?.groupOnlyAreas, count > 0 else { return nil }
            return (session.id, count)
        }
        let total = counts.map(\.1).reduce(0, +)
        guard total > 0 else { return nil }
        let places = counts.map { "\($0.0): \($0.1)" }.joined(separator: ", ")
        return "Group only: \(Plural.count(total, "write-up area")) (\(places)), left out of report --public."
    }
}
