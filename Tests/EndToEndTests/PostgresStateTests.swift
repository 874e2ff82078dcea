import Foundation
import Testing
import TestSupport

/// Several coordinators and a cron server over one PostgreSQL state, through the built binary.
@Suite(.serialized) struct PostgresStateTests {
    private let workspace: Workspace

    init() throws {
        let folder = try temporaryDirectory()
        workspace = try Workspace(["ROUNDTABLE_STATE": try StateKind.postgres.newState(in: folder)].merging(StateKind.environment) { _, new in new })
    }

    @Test func aDumpMovedBetweenBackendsComesBackByteForByte() throws {
        let sqlite = try StateKind.sqlite.newState(in: workspace.folder)
        #expect(try workspace.rt(["import", bundledSeeds], ["ROUNDTABLE_STATE": sqlite]).status == 0)
        #expect(try workspace.rt(["action", "add", "--session", "rt4", "--owner", "sam", "--text", "Ask for evidence"],
                                 ["ROUNDTABLE_STATE": sqlite, "ROUNDTABLE_NOW": "2012-11-26T09:00:00Z"]).status == 0)
        let fromSQLite = try workspace.rt(["dump"], ["ROUNDTABLE_STATE": sqlite]).stdout
        let file = workspace.folder.appendingPathComponent("backup.yaml")
        try fromSQLite.write(to: file, atomically: true, encoding: .utf8)
        // SQLite → PostgreSQL: the same dump, the same status.
        #expect(try workspace.rt(["import", file.path]).status == 0)
        let fromPostgres = try workspace.rt(["dump"]).stdout
        #expect(fromPostgres == fromSQLite)
        let asOf = ["--as-of", "2012-11-26"]
        #expect(try workspace.rt(["status"] + asOf).stdout == workspace.rt(["status"] + asOf, ["ROUNDTABLE_STATE": sqlite]).stdout)
        // And back: PostgreSQL → a new SQLite file.
        let back = try StateKind.sqlite.newState(in: workspace.folder)
        try fromPostgres.write(to: file, atomically: true, encoding: .utf8)
        #expect(try workspace.rt(["import", file.path], ["ROUNDTABLE_STATE": back]).status == 0)
        #expect(try workspace.rt(["dump"], ["ROUNDTABLE_STATE": back]).stdout == fromSQLite)
    }

    @Test func aWrongPasswordIsExit77AndNeverShown() throws {
        let password = "wrong-Secret-93f2"
        let run = try workspace.rt(["status"], ["ROUNDTABLE_STATE_PASSWORD": password])
        #expect(run.status == 77, "\(run.stderr)")
        #expect(run.stderr.contains("refused the login"), "\(run.stderr)")
        #expect(!(run.stdout + run.stderr).contains(password))
        // Nor a password written into the URL: it is not shown, and still refused.
        let url = workspace.env["ROUNDTABLE_STATE"]!.replacingOccurrences(of: "roundtable@", with: "roundtable:\(password)@")
        let inURL = try roundtable(["status"], environment: ["ROUNDTABLE_SCHEDULE": bundledSchedule, "ROUNDTABLE_STATE": url])
        #expect(inURL.status == 77, "\(inURL.stderr)")
        #expect(!(inURL.stdout + inURL.stderr).contains(password))
        #expect(!inURL.stderr.contains("roundtable@"), "the URL is shown without its user part")
    }

    @Test func aServerThatIsNotThereIsExit75() throws {
        let run = try workspace.rt(["status"], ["ROUNDTABLE_STATE": "postgres://roundtable@127.0.0.1:1/none"])
        #expect(run.status == 75, "\(run.stderr)")
        #expect(run.stderr.contains("Cannot reach the state at 'postgres://127.0.0.1:1/none'"), "\(run.stderr)")
    }

    @Test func aDatabaseFromANewerVersionIsRefusedWithExit65() throws {
        #expect(try workspace.seed().status == 0)
        let database = String(workspace.env["ROUNDTABLE_STATE"]!.split(separator: "/").last!)
        try PostgresCluster.shared().psql("INSERT INTO roundtable_migrations VALUES ('v99-from-the-future')", database: database)
        let run = try workspace.rt(["status"])
        #expect(run.status == 65)
        #expect(run.stderr.contains("was written by a newer version of roundtable"), "\(run.stderr)")
    }

    /// The server restarted while `remind` runs (a cluster of its own, as every connection is
    /// cut): the run finishes or stops with exit 75, and the next run sends the rest; each member
    /// ends with one digest, and nothing is left to send. The moments of the restarts are drawn
    /// from a seed chosen per run and named in every failure; `ROUNDTABLE_KILL_SEED=N` draws them again.
    @Test func aServerRestartedMidRunLeavesTheLedgerConsistentAndTheNextRunFinishes() throws {
        var random = SeededRandom.forKills()
        let cluster = try PostgresCluster()
        defer { try? cluster.stop() }
        for attempt in 0..<3 {
            let state = ["ROUNDTABLE_STATE": try cluster.newDatabase()]
            let outbox = workspace.folder.appendingPathComponent("outbox-\(attempt)").path
            let environment = workspace.env.merging(state) { _, new in new }
            #expect(try workspace.rt(["init"], state).status == 0)
            let remind = try BackgroundProcess([roundtableBinary, "remind", "--as-of", "2012-04-13", "--outbox", outbox], environment: environment)
            usleep(UInt32.random(in: 10_000...80_000, using: &random))
            try cluster.restart()
            let status = remind.wait()
            #expect(status == 0 || status == 75, "\(random.replay): the run finished or stopped with 75, not \(status)")
            let finish = try workspace.rt(["remind", "--as-of", "2012-04-13", "--outbox", outbox], state)
            #expect(finish.status == 0, "\(random.replay): \(finish.stderr)")
            #expect(try workspace.rt(["remind", "--as-of", "2012-04-13", "--dry-run"], state).stdout == "No reminders due as of 2012-04-13.\n",
                    "\(random.replay)")
            let files = try FileManager.default.contentsOfDirectory(atPath: outbox).filter { $0.hasSuffix(".eml") && !$0.hasPrefix(".") }
            #expect(files.count == 10, "\(random.replay): one digest per member: \(files)")
        }
    }

    /// Two cron servers' `remind`, a coordinator's `advance`, another's `action add` and an
    /// `import` of another series, all at once: every message goes once, every record is kept.
    @Test func fourProcessesAtOnceLoseNothingAndDoubleNothing() throws {
        #expect(try workspace.seed().status == 0)
        let sink = try SMTPSink()
        let other = workspace.folder.appendingPathComponent("other.yaml")
        try String(contentsOfFile: bundledSeeds, encoding: .utf8).replacingOccurrences(of: "series: ajc-plg-2012", with: "series: other-2012")
            .write(to: other, atomically: true, encoding: .utf8)
        let otherSchedule = workspace.folder.appendingPathComponent("other-schedule.yaml")
        try String(contentsOfFile: bundledSchedule, encoding: .utf8).replacingOccurrences(of: "id: ajc-plg-2012", with: "id: other-2012")
            .write(to: otherSchedule, atomically: true, encoding: .utf8)
        let binary = "'\(roundtableBinary)'"
        let commands = [
            "ROUNDTABLE_SMTP_URL=\(sink.url) \(binary) remind --as-of 2012-11-26 --transport smtp",
            "ROUNDTABLE_SMTP_URL=\(sink.url) \(binary) remind --as-of 2012-11-26 --transport smtp",
            "\(binary) advance rt4 writeup --on 2012-11-26 --as-of 2012-11-26",
            "\(binary) action add --session rt4 --owner sam --text 'Ask for evidence' --due 2012-12-20 --as-of 2012-11-26",
            "ROUNDTABLE_SCHEDULE='\(otherSchedule.path)' \(binary) import '\(other.path)'",
        ]
        let script = commands.map { "(\($0) >/dev/null 2>&1; echo $? >> '\(workspace.folder.path)/statuses') &" }.joined(separator: "\n") + "\nwait"
        let exports = workspace.env.map { "export \($0.key)='\($0.value)'" }.joined(separator: "\n")
        #expect(try peer("/bin/bash", ["-c", exports + "\n" + script]).status == 0)
        let statuses = try String(contentsOfFile: workspace.folder.appendingPathComponent("statuses").path, encoding: .utf8)
        #expect(statuses.split(separator: "\n") == ["0", "0", "0", "0", "0"], "every command succeeded: \(statuses)")
        let ids = try ReceivedMail.read(try sink.messages()).map(\.message_id)
        #expect(!ids.isEmpty)
        #expect(Set(ids).count == ids.count, "no message twice: \(ids)")
        #expect(try StateKind.ledger(workspace.env["ROUNDTABLE_STATE"]!).count == Set(try StateKind.ledger(workspace.env["ROUNDTABLE_STATE"]!)).count)
        let dump = try workspace.rt(["dump"]).stdout
        #expect(dump.contains("Ask for evidence"))
        #expect(dump.contains("stage: writeup") && dump.contains("2012-11-26"))
        // The other series came in whole: its dump is the one an import alone gives.
        let alone = try StateKind.sqlite.newState(in: workspace.folder)
        let otherEnv = ["ROUNDTABLE_SCHEDULE": otherSchedule.path]
        #expect(try workspace.rt(["import", other.path], otherEnv.merging(["ROUNDTABLE_STATE": alone]) { _, new in new }).status == 0)
        #expect(try workspace.rt(["dump"], otherEnv).stdout == workspace.rt(["dump"], otherEnv.merging(["ROUNDTABLE_STATE": alone]) { _, new in new }).stdout)
        // A third run sends nothing: what the two sent is all recorded.
        #expect(try workspace.rt(["remind", "--as-of", "2012-11-26", "--transport", "smtp"], ["ROUNDTABLE_SMTP_URL": sink.url]).stdout
                == "No reminders due as of 2012-11-26.\n")
    }
}
