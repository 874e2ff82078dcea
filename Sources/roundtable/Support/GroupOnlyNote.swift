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
        let counts: [(String, Int)] = loaded.schedule.sessions.compactMap { session in
            guard let path = try? TextFile.path(named: "\(session.id).md", in: folder),
                  FileManager.default.fileExists(atPath: path), let text = try? TextFile.read(path) else { return nil }
            let count = WriteupFile(text: text).groupOnlyAreas
            return count > 0 ? (session.id, count) : nil
        }
        let total = counts.map(\.1).reduce(0, +)
        guard total > 0 else { return nil }
        let places = counts.map { "\($0.0): \($0.1)" }.joined(separator: ", ")
        return "Group only: \(total) write-up area\(total == 1 ? "" : "s") (\(places)), left out of report --public."
    }
}
