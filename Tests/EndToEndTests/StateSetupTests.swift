import Foundation
import Testing
import TestSupport

/// A state is made on purpose (`roundtable init`): a mistyped path is refused by every other
/// command, creating nothing, and the commands that send refuse a state never set up for the series.
@Suite struct StateSetupTests {
    private let folder: URL

    init() throws {
        folder = try temporaryDirectory()
    }

    private func rt(_ arguments: [String], _ env: [String: String] = [:]) throws -> Run {
        try roundtable(arguments, environment: ["ROUNDTABLE_SCHEDULE": bundledSchedule, "ROUNDTABLE_NOW": "2012-11-26T09:00:00Z"]
            .merging(env) { _, new in new })
    }

    private var contents: [String] { (try? FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()) ?? [] }

    @Test(arguments: [["status"], ["overdue"], ["invite", "--dry-run"], ["remind", "--dry-run"], ["advance", "rt4", "hold"],
                      ["action", "add", "--session", "rt4", "--owner", "sam", "--text", "Notes"], ["dump"], ["export"],
                      ["report"], ["writeup", "rt5", "-o", "-"], ["status", "rt4"], ["action", "list"]])
    func aMistypedStateIsRefusedNamingItAndCreatingNothing(command: [String]) throws {
        #expect(try rt(["init", "--state", folder.appendingPathComponent("state.sqlite").path]).status == 0)
        let typo = folder.appendingPathComponent("stat.sqlite").path
        let run = try rt(command + ["--state", typo])
        #expect(run.status == 66, "\(command): \(run.stderr)")
        #expect(run.stderr == "roundtable: error: There is no roundtable state at '\(typo)' (given by --state); nothing was created. "
            + "Check the path; if it is right, create the state with 'roundtable init'.\n", "\(command)")
        #expect(run.stdout.isEmpty)
        #expect(contents == ["state.sqlite"], "\(command) created \(contents)")
    }

    @Test func theMessageSaysWhereTheStateCameFrom() throws {
        let fromEnvironment = try rt(["status"], ["ROUNDTABLE_STATE": folder.appendingPathComponent("x.sqlite").path])
        #expect(fromEnvironment.status == 66)
        #expect(fromEnvironment.stderr.contains("(from $ROUNDTABLE_STATE)"), "\(fromEnvironment.stderr)")
        let home = folder.appendingPathComponent("xdg").path
        let byDefault = try rt(["overdue"], ["XDG_STATE_HOME": home])
        #expect(byDefault.status == 66)
        #expect(byDefault.stderr.contains("'\(home)/roundtable/state.sqlite' (the default, as neither --state nor $ROUNDTABLE_STATE is set)"),
                "\(byDefault.stderr)")
        #expect(!FileManager.default.fileExists(atPath: home), "not even the folder")
    }

    @Test func anEmptyFileIsNoStateAndIsLeftEmpty() throws {
        let empty = folder.appendingPathComponent("empty.sqlite")
        FileManager.default.createFile(atPath: empty.path, contents: Data())
        let run = try rt(["remind", "--state", empty.path])
        #expect(run.status == 66, "\(run.stderr)")
        #expect(try Data(contentsOf: empty).isEmpty)
        #expect(contents == ["empty.sqlite"])
    }

    @Test func initCreatesTheStateSaysSoAndASecondRunChangesNothing() throws {
        let state = folder.appendingPathComponent("deep/er/state.sqlite").path
        let first = try rt(["init", "--state", state])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == "Created the state at '\(state)' (given by --state).\najc-plg-2012: set up\n")
        let again = try rt(["init"], ["ROUNDTABLE_STATE": state])
        #expect(again.status == 0)
        #expect(again.stdout == "The state at '\(state)' (from $ROUNDTABLE_STATE) already exists.\najc-plg-2012: already set up\n")
        let status = try rt(["status", "--state", state])
        #expect(status.status == 0, "\(status.stderr)")
        let remind = try rt(["remind", "--dry-run", "--state", state, "--as-of", "2012-02-01"])
        #expect(remind.status == 0, "\(remind.stderr)")
    }

    @Test func importIntoANewStateStillCreatesItAndSetsTheSeriesUp() throws {
        let state = folder.appendingPathComponent("restored.sqlite").path
        #expect(try rt(["import", bundledSeeds, "--state", state]).status == 0)
        let remind = try rt(["remind", "--dry-run", "--state", state])
        #expect(remind.status == 0, "\(remind.stderr)")
        #expect(try rt(["init", "--state", state]).stdout.hasSuffix("ajc-plg-2012: already set up\n"))
    }

    @Test func theCommandsThatSendRefuseAStateNeverSetUpForTheSeries() throws {
        let state = folder.appendingPathComponent("state.sqlite").path
        #expect(try rt(["import", bundledSeeds, "--state", state]).status == 0)
        let other = try scheduleCopy(replacing: [("id: ajc-plg-2012", "id: another-group")])
        let outbox = folder.appendingPathComponent("outbox").path
        for command in [["invite", "--outbox", outbox], ["remind", "--outbox", outbox], ["disseminate", "rt4", "--outbox", outbox],
                        ["publish", "--caldav", "http://127.0.0.1:9/cal/", "--dry-run"]] {
            let run = try rt(command + ["-s", other, "--state", state])
            #expect(run.status == 66, "\(command): \(run.stderr)")
            #expect(run.stderr.contains("The state at '\(state)' (given by --state) was never set up for 'another-group', so nothing was sent"),
                    "\(command): \(run.stderr)")
            #expect(run.stderr.contains("run 'roundtable init' for this schedule"))
        }
        #expect(!FileManager.default.fileExists(atPath: outbox), "nothing sent")
        // Reading it is harmless: status shows the new series as it stands.
        #expect(try rt(["status", "-s", other, "--state", state]).status == 0)
        #expect(try rt(["init", "-s", other, "--state", state]).stdout.hasSuffix("another-group: set up\n"))
        let remind = try rt(["remind", "--dry-run", "-s", other, "--state", state, "--as-of", "2012-02-01"])
        #expect(remind.status == 0, "\(remind.stderr)")
    }

    @Test func initWithAFolderSetsUpEverySeriesInIt() throws {
        let schedules = folder.appendingPathComponent("schedules")
        try FileManager.default.createDirectory(at: schedules, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: bundledSchedule, toPath: schedules.appendingPathComponent("ajc.yaml").path)
        try FileManager.default.copyItem(atPath: try scheduleCopy(replacing: [("id: ajc-plg-2012", "id: second")]),
                                         toPath: schedules.appendingPathComponent("second.yaml").path)
        let state = folder.appendingPathComponent("state.sqlite").path
        let run = try rt(["init", "-s", schedules.path, "--state", state])
        #expect(run.stdout == "Created the state at '\(state)' (given by --state).\najc-plg-2012: set up\nsecond: set up\n")
        let remind = try rt(["remind", "--dry-run", "-s", schedules.path, "--state", state])
        #expect(remind.status == 0, "\(remind.stderr)")
    }

    /// A state written before `init` existed: every series with a row in it is set up by the
    /// migration; one without is not.
    @Test func aStateFromBeforeInitKeepsWorkingForTheSeriesItHolds() throws {
        let state = folder.appendingPathComponent("old.sqlite").path
        #expect(try rt(["import", bundledSeeds, "--state", state]).status == 0)
        let downgrade = "DROP TABLE series_setup; DELETE FROM grdb_migrations WHERE identifier = 'v6-series-setup';"
        #expect(try peer("/usr/bin/sqlite3", [state, downgrade]).status == 0)
        let remind = try rt(["remind", "--dry-run", "--state", state])
        #expect(remind.status == 0, "\(remind.stderr)")
        let other = try scheduleCopy(replacing: [("id: ajc-plg-2012", "id: another-group")])
        #expect(try rt(["remind", "--dry-run", "-s", other, "--state", state]).status == 66)
    }

    @Test func aPostgresDatabaseWithoutTheSchemaIsRefusedUntilInit() throws {
        let url = try PostgresCluster.shared().newDatabase()
        let database = String(url.split(separator: "/").last ?? "")
        let env = ["ROUNDTABLE_STATE": url].merging(StateKind.environment) { _, new in new }
        let run = try rt(["status"], env)
        #expect(run.status == 66, "\(run.stderr)")
        #expect(run.stderr.contains("There is no roundtable state at 'postgres://"), "\(run.stderr)")
        #expect(!run.stderr.contains(PostgresCluster.password))
        let tables = "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
        #expect(try PostgresCluster.shared().psql(tables, database: database).trimmingCharacters(in: .whitespacesAndNewlines) == "0")
        let made = try rt(["init"], env)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.hasPrefix("Created the state at 'postgres://"))
        #expect(try rt(["remind", "--dry-run", "--as-of", "2012-02-01"], env).status == 0)
    }
}
