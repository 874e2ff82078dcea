import CalendarTime
import Foundation
import RoundTableCore

/// What shapes a feed's text besides the schedule and the records: the program writing it and
/// the zoneinfo its VTIMEZONE is built from. It goes into every `FeedFingerprint`, so that a new
/// roundtable (or the same version rebuilt) or a tzdata update builds every feed again.
enum FeedEnvironment {
    /// For each zone id, the text that stands for the program and that zone's rules; nil when the
    /// running program cannot be identified, and then no feed may be skipped.
    static func describing(zones: Set<String>) -> [String: String]? {
        // The executable itself, not only its version: a build from uncommitted changes carries
        // the same version and commit as the one before it.
        guard let program = ExportManifest.FileStamp.of("/proc/self/exe") else { return nil }
        let base = "\(Version.text) \(program.size) \(program.modified) \(program.inode)"
        let folder = ZoneRules.zoneinfoFolder
        var described: [String: String] = [:]
        for zone in zones {
            // A zone with no file (UTC, built in) is described by its name alone.
            let rules = (try? TextFile.readBytes((folder as NSString).appendingPathComponent(zone))).map { StableHash.hex64(bytes: $0) } ?? "none"
            described[zone] = "\(base) zone \(zone) \(rules)"
        }
        return described
    }
}
