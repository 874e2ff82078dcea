import ArgumentParser
import CalendarTime
import Foundation
import RoundTableCore
import RoundTableStore

/// The options every command takes: which schedule, which state, and as of which day.
struct CommonOptions: ParsableArguments {
    @Option(name: [.customShort("s"), .long], help: ArgumentHelp(
        "The schedule file (default: $ROUNDTABLE_SCHEDULE, else the only file in ./schedules). check, status, overdue, export and remind also take a folder: every series in it.",
        valueName: "file|folder"))
    var schedule: String?

    @Option(help: "The state: a file or a postgres:// URL (default: $ROUNDTABLE_STATE, else $XDG_STATE_HOME/roundtable/state.sqlite). Made by 'roundtable init'; other commands refuse one that does not exist.")
    var state: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Compute as of this day (default: today in the series timezone).", valueName: "YYYY-MM-DD"), transform: LocalDate.argument)
    var asOf: LocalDate?

    /// The environment of this run: the process's, read once (`Environment.process`).
    var environment: Environment { .process }

    /// The clock of this run: the system's, or the instant `ROUNDTABLE_NOW` names (`Clock.process`).
    var clock: Clock { .process }

    /// Reads and validates the one schedule a command about one series works on.
    func loadSchedule() throws -> LoadedSchedule {
        let path = try schedulePath()
        guard !FileManager.default.isFolder(path) else {
            throw ValidationError("'\(path)' is a folder. This command works on one series: pass -s with its schedule file.")
        }
        return try loadSchedules(at: path)[0]
    }

    /// Every schedule -s names: one file, or each .yaml/.yml file in a folder, so that cron runs an
    /// organisation's groups in one go. Every problem in every file is reported (exit 65), and two
    /// files with one series id are refused: the id is part of every UID and every state row.
    func loadSchedules() throws -> [LoadedSchedule] { try loadSchedules(at: try schedulePath()) }

    /// Whether -s names a folder: output then says which series each part is about, and JSON is an array.
    func namesFolder() throws -> Bool { FileManager.default.isFolder(try schedulePath()) }

    private func loadSchedules(at path: String) throws -> [LoadedSchedule] {
        let files = FileManager.default.isFolder(path) ? try Self.scheduleFiles(in: path).map { path + "/" + $0 } : [path]
        guard !files.isEmpty else { throw RoundTableError.noSchedule("'\(path)' holds no .yaml schedule.") }
        var schedules: [LoadedSchedule] = []
        var problems: [Diagnostic] = []
        var fileOfSeries: [String: String] = [:]
        for (file, read) in zip(files, Self.read(files)) {
            let (loaded, diagnostics) = try read.get()
            problems += diagnostics
            guard let loaded else { continue }
            let id = loaded.schedule.series.id
            if let other = fileOfSeries[id] {
                problems.append(Diagnostic(file: file, line: nil, column: nil, severity: .error,
                                           message: "series id '\(id)' is already the id of \(other); give each series its own."))
            }
            fileOfSeries[id] = file
            schedules.append(loaded)
        }
        guard problems.isEmpty else { throw RoundTableError.badData(problems) }
        return schedules
    }

    /// Each file read and checked, in the files' order, on every core: an organisation's
    /// schedules are independent of each other, and reading them is most of what a run over a
    /// folder costs.
    private static func read(_ files: [String]) -> [Result<(LoadedSchedule?, [Diagnostic]), any Error>] {
        files.concurrentMap { file in Result { ScheduleLoader.load(try TextFile.read(file), file: file) } }
    }

    /// The as-of day: given, or today on the series' wall clock (so 00:30 in London is already
    /// tomorrow even while it is 23:30 in UTC).
    func day(in schedule: Schedule) throws -> LocalDate {
        if let asOf { return asOf }
        let zone = schedule.zone
        return zone.localTime(at: clock.now()).date
    }

    /// The state named by --state, $ROUNDTABLE_STATE or the XDG default: a file or a
    /// `postgres://` URL.
    var statePath: String { state ?? StateStore.defaultPath(environment: environment.variables) }

    /// Where `statePath` came from, for a message about a state that is not there: a mistyped
    /// path and a shell whose default differs from cron's look alike until it is named.
    var stateSource: String {
        if state != nil { return "given by --state" }
        return environment.value("ROUNDTABLE_STATE") != nil ? "from $ROUNDTABLE_STATE" : "the default, as neither --state nor $ROUNDTABLE_STATE is set"
    }

    /// Opens the state; a PostgreSQL state's password comes from $ROUNDTABLE_STATE_PASSWORD, else
    /// from libpq's own sources, and the CA its certificate must come from is
    /// $ROUNDTABLE_STATE_CA_FILE. A state that is not there is refused (exit 66, nothing created)
    /// unless `ifMissing` is `.create`, which only `init` and `import` ask for. What it records is
    /// recorded at `recordingInstant(in: schedule)`.
    func openStore(recordingFor schedule: Schedule? = nil, ifMissing opening: StateStore.MissingState = .refuse) throws -> StateStore {
        do {
            return try open(recordingFor: schedule, ifMissing: opening)
        } catch {
            guard case .missing(let shown) = error else { throw error }
            throw RoundTableError.inputMissing("There is no roundtable state at '\(shown)' (\(stateSource)); nothing was created. "
                + "Check the path; if it is right, create the state with 'roundtable init'.")
        }
    }

    /// The state if there is one, else nil (nothing created): for `check`, which uses a state
    /// when there is one, and `init`, which says whether it was there.
    func existingStore() throws -> StateStore? {
        do {
            return try open(recordingFor: nil, ifMissing: .refuse)
        } catch {
            guard case .missing = error else { throw error }
            return nil
        }
    }

    private func open(recordingFor schedule: Schedule?, ifMissing opening: StateStore.MissingState) throws(StoreError) -> StateStore {
        try StateStore(path: statePath, password: environment.value("ROUNDTABLE_STATE_PASSWORD"),
                       caFile: environment.value("ROUNDTABLE_STATE_CA_FILE"), ifMissing: opening, now: recordingInstant(in: schedule),
                       environment: environment.variables)
    }

    /// When a record made now is recorded: the clock's instant, or, when `--as-of` names an
    /// earlier day, the last second of that day on the series' wall clock. A record made "as
    /// of" a past day belongs to the series as it stood then, so `status --as-of` that day shows it.
    func recordingInstant(in schedule: Schedule?) -> Int {
        let now = clock.now()
        guard let asOf, let schedule, let nextMidnight = LocalDateTime(date: asOf.adding(days: 1), hour: 0, minute: 0) else { return now }
        return min(now, schedule.zone.instant(of: nextMidnight) - 1)
    }

    /// Everything the rules need: the schedule, the as-of day, and the series' records.
    /// `sending`: the command sends or publishes, so the series must have been set up in the
    /// state (`init`); to a series with no records everything looks due.
    func load(sending: Bool = false) throws -> Context {
        try loadAll(try [loadSchedule()], sending: sending)[0]
    }

    /// A context for each series -s names, all over one state file, whose records are read
    /// together (one statement per table for the whole organisation). Each series' records are
    /// taken out of what was read as its context is made, so the records as read and as resolved
    /// are not both kept for every series at once (10 MB at the peak for an organisation).
    /// `sending` as for `load`: every series must be set up, or nothing runs.
    func loadAll(sending: Bool = false) throws -> [Context] { try loadAll(try loadSchedules(), sending: sending) }

    private func loadAll(_ schedules: [LoadedSchedule], sending: Bool) throws -> [Context] {
        let store = try openStore(recordingFor: schedules.first?.schedule)
        let ids = schedules.map(\.schedule.series.id)
        if sending {
            do {
                try store.requireSetUp(series: ids)
            } catch {
                guard case .seriesNotSetUp(let shown, let missing) = error else { throw error }
                throw RoundTableError.inputMissing("The state at '\(shown)' (\(stateSource)) was never set up for "
                    + missing.map { "'\($0)'" }.joined(separator: ", ") + ", so nothing was sent: to a series with no records everything "
                    + "looks due, and it would all go out again. Check the path; if it is right, run 'roundtable init' for this schedule.")
            }
        }
        var records = try store.records(series: ids, ledger: false)
        return try schedules.map { loaded in
            let id = loaded.schedule.series.id
            return try context(loaded, store: store, records: records.removeValue(forKey: id) ?? Records(series: id))
        }
    }

    private func context(_ loaded: LoadedSchedule, store: StateStore, records: Records) throws -> Context {
        Context(loaded: loaded, asOf: try day(in: loaded.schedule), store: store, records: ActionRules.resolvingDues(records, in: loaded.schedule),
                clock: clock, environment: environment)
    }

    private func schedulePath() throws -> String { try Self.schedulePath(given: schedule, environment: environment) }

    /// The schedule file or folder: `given` (-s), else $ROUNDTABLE_SCHEDULE, else the only
    /// .yaml file in ./schedules.
    static func schedulePath(given: String?, environment: Environment = .process) throws -> String {
        if let given { return given }
        if let env = environment.value("ROUNDTABLE_SCHEDULE") { return env }
        let folder = "schedules"
        let files = (try? Self.scheduleFiles(in: folder)) ?? []
        guard files.count == 1 else {
            throw RoundTableError.noSchedule(files.isEmpty
                ? "No schedule given. Pass -s FILE, set ROUNDTABLE_SCHEDULE, or put one .yaml file in ./schedules."
                : "Several schedules in ./schedules (\(files.sorted().joined(separator: ", "))). Pass -s FILE to choose one.")
        }
        return folder + "/" + files[0]
    }

    /// The schedule files in a folder, in name order so that output is the same every run.
    private static func scheduleFiles(in folder: String) throws -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: folder)
                .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        } catch {
            throw RoundTableError.inputMissing("'\(folder)' cannot be read (check its permissions).")
        }
    }
}
