import ArgumentParser
import Foundation
import ICalendar
import RoundTableCore
import RoundTableStore

/// The options every command takes: which schedule, which state, and as of which day.
struct CommonOptions: ParsableArguments {
    @Option(name: [.customShort("s"), .long], help: "The schedule file (default: $ROUNDTABLE_SCHEDULE, else the only file in ./schedules).")
    var schedule: String?

    @Option(help: "The state file (default: $ROUNDTABLE_STATE, else $XDG_STATE_HOME/roundtable/state.sqlite).")
    var state: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Compute as of this day (default: today in the series timezone).", valueName: "YYYY-MM-DD"))
    var asOf: String?

    func validate() throws {
        if let asOf, LocalDate(iso: asOf) == nil {
            throw ValidationError("'\(asOf)' is not a date; use YYYY-MM-DD, e.g. --as-of 2012-11-26.")
        }
    }

    /// Reads and validates the schedule; every problem in it becomes a located error (exit 65).
    func loadSchedule() throws -> LoadedSchedule {
        let path = try schedulePath()
        let text = try TextFile.read(path)
        let (loaded, diagnostics) = ScheduleLoader.load(text, file: path)
        guard let loaded else { throw RoundTableError.badData(diagnostics) }
        return loaded
    }

    /// The as-of day: given, or today on the series' wall clock (so 00:30 in London is already
    /// tomorrow even while it is 23:30 in UTC).
    func day(in schedule: Schedule) throws -> LocalDate {
        if let asOf, let date = LocalDate(iso: asOf) { return date }
        let zone = try ZoneRules(identifier: schedule.series.timezone)
        return zone.localTime(at: Clock.now()).date
    }

    /// The state file named by --state, $ROUNDTABLE_STATE or the XDG default.
    var statePath: String { state ?? StateStore.defaultPath(environment: ProcessInfo.processInfo.environment) }

    /// Opens (creating if need be) the state file.
    func openStore() throws -> StateStore { try StateStore(path: statePath) }

    /// Everything the rules need: the schedule, the as-of day, and the series' records.
    func load() throws -> Context {
        let loaded = try loadSchedule()
        let store = try openStore()
        let records = try store.records(series: loaded.schedule.series.id)
        return Context(loaded: loaded, asOf: try day(in: loaded.schedule), store: store, records: records)
    }

    private func schedulePath() throws -> String {
        if let schedule { return schedule }
        if let env = ProcessInfo.processInfo.environment["ROUNDTABLE_SCHEDULE"], !env.isEmpty { return env }
        let folder = "schedules"
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
        guard files.count == 1 else {
            throw RoundTableError.noSchedule(files.isEmpty
                ? "No schedule given. Pass -s FILE, set ROUNDTABLE_SCHEDULE, or put one .yaml file in ./schedules."
                : "Several schedules in ./schedules (\(files.sorted().joined(separator: ", "))). Pass -s FILE to choose one.")
        }
        return folder + "/" + files[0]
    }
}
