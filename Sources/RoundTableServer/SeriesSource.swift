import CalendarTime
import Foundation
import Logging
import RoundTableCore
import RoundTableStore

/// The series the server shows: its schedule file and its records in the state, read again at
/// most once every `freshness`, so that a burst of requests costs one read of each and the
/// coordinator's changes (a new schedule, `advance`, an answer by mail) show within that time.
/// A schedule edited into something invalid is logged and the last good one kept: a typo must
/// not take the group's page down.
public actor SeriesSource {
    /// The schedule file, read again at each refresh.
    public let schedulePath: String
    /// The state, shared with the coordinator's commands (and, on PostgreSQL, other servers).
    public let store: StateStore
    /// The write-ups folder, if any.
    public let writeupsFolder: String?
    private let freshness: Duration
    private let logger: Logger
    /// The system's clock (seconds since the epoch), which stamps the feeds it builds.
    private let systemNow: @Sendable () -> Int
    private var current: SeriesSnapshot
    private var checked: ContinuousClock.Instant

    /// Reads the schedule and the records once; a schedule with errors is refused
    /// (`ServeError.badSchedule`), as every command refuses it.
    public init(schedulePath: String, store: StateStore, writeupsFolder: String?, freshness: Duration, logger: Logger,
                systemNow: @escaping @Sendable () -> Int) throws {
        self.schedulePath = schedulePath
        self.store = store
        self.writeupsFolder = writeupsFolder
        self.freshness = freshness
        self.logger = logger
        self.systemNow = systemNow
        current = try Self.read(schedulePath, writeups: writeupsFolder, from: store, now: systemNow(), previous: nil)
        checked = .now
    }

    /// The series as it stands, read again if the last read is older than `freshness`.
    func snapshot() -> SeriesSnapshot {
        guard ContinuousClock.now - checked >= freshness else { return current }
        refresh()
        return current
    }

    /// Reads again now, whatever `freshness` says: after the server itself recorded something.
    func refresh() {
        checked = .now
        do {
            current = try Self.read(schedulePath, writeups: writeupsFolder, from: store, now: systemNow(), previous: current)
        } catch {
            logger.error("Kept the series as last read: \(error)")
        }
    }

    private static func read(_ path: String, writeups folder: String?, from store: StateStore,
                             now: Int, previous: SeriesSnapshot?) throws -> SeriesSnapshot {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ServeError.scheduleUnreadable(path: path)
        }
        let (loaded, diagnostics) = ScheduleLoader.load(text, file: path)
        guard let loaded, !diagnostics.contains(where: { $0.severity == .error }) else {
            throw ServeError.badSchedule(diagnostics.filter { $0.severity == .error })
        }
        let id = loaded.schedule.series.id
        let records = ActionRules.resolvingDues(try store.records(series: id, ledger: false), in: loaded.schedule)
        var writeups: [String: WriteupFile] = [:]
        if let folder {
            for session in loaded.schedule.sessions {
                // A write-up being saved or not there yet is simply not shown this time.
                if let text = try? String(contentsOfFile: (folder as NSString).appendingPathComponent("\(session.id).md"), encoding: .utf8) {
                    writeups[session.id] = WriteupFile(text: text)
                }
            }
        }
        return try SeriesSnapshot(loaded: loaded, records: records, writeups: writeups, linkDigests: try store.memberLinkDigests(series: id),
                                  now: now, previous: previous)
    }
}
