import Foundation
import Testing
import TestSupport

/// `remind` as cron runs it: every day, sometimes not at all, sometimes with the mail server
/// down, sometimes twice at once. Each reminder arrives once.
@Suite(.serialized) struct ReminderTests {
    private let workspace: Workspace
    private var folder: URL { workspace.folder }
    private var env: [String: String] { workspace.env }

    init() throws {
        try self.init(state: nil)
    }

    private init(state: String?) throws {
        var workspace = try Workspace(["ROUNDTABLE_NOW": "2012-06-01T07:00:00Z"].merging(StateKind.environment) { _, new in new })
        if let state {
            workspace.env["ROUNDTABLE_STATE"] = state
            let made = try workspace.rt(["init"])
            #expect(made.status == 0, "\(made.stderr)")
        }
        self.workspace = workspace
    }

    /// Runs `remind` for each day, with the records the coordinator makes along the way, and
    /// returns the messages each member received (Message-IDs), in order.
    private func cron(from first: String, to last: String, skip: Set<String> = [], serverDownOn: Set<String> = [],
                      records: [String: [[String]]] = [:]) throws -> [String: [String]] {
        let sink = try SMTPSink()
        var day = first
        while day <= last {
            for command in records[day] ?? [] { #expect(try workspace.rt(command + ["--as-of", day]).status == 0, "\(command)") }
            if !skip.contains(day) {
                let url = serverDownOn.contains(day) ? "smtp://127.0.0.1:1" : sink.url
                let run = try workspace.rt(["remind", "--as-of", day, "--transport", "smtp"], ["ROUNDTABLE_SMTP_URL": url])
                #expect(run.status == (serverDownOn.contains(day) && run.stdout.contains("No reminders") == false ? 75 : 0),
                        "\(day): \(run.stdout)\(run.stderr)")
            }
            day = next(day)
        }
        var received: [String: [String]] = [:]
        for mail in try ReceivedMail.read(try sink.messages()) {
            #expect(mail.problems.isEmpty)
            #expect(mail.auto_submitted == "auto-generated")
            let member = String(mail.message_id.split(separator: ".")[2])
            received[member, default: []].append(mail.message_id)
        }
        return received
    }

    /// Every (item, recipient, trigger) the state records as sent.
    private func ledger(_ state: String) throws -> [String] {
        let rows = try StateKind.ledger(state)
        #expect(rows.count > 100)
        return rows
    }

    private func next(_ day: String) -> String {
        var parts = day.split(separator: "-").map { Int($0)! }
        let days = [31, parts[0] % 4 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        parts[2] += 1
        if parts[2] > days[parts[1] - 1] { parts[2] = 1; parts[1] += 1 }
        if parts[1] > 12 { parts[1] = 1; parts[0] += 1 }
        return String(format: "%04d-%02d-%02d", parts[0], parts[1], parts[2])
    }

    @Test func dailyRunsFromFebruaryToMarchSendZoeEightDigests() throws {
        // Zoë is invited to the inaugural meeting (24 Feb: reminders 17 and 23 Feb) and writes it
        // up (due 9 Mar: 2 and 8 Mar, then 10, 17, 24 and 31 Mar while it stays undone).
        let received = try cron(from: "2012-02-01", to: "2012-03-31")
        #expect(received["zoe"]?.count == 8, "\(received["zoe"] ?? [])")
        #expect(received.values.allSatisfy { Set($0).count == $0.count }, "no Message-ID twice")
    }

    @Test func missedDaysAreMadeUpOnceAndAServerOutageLosesNothing() throws {
        // No run on 8–9 Mar: the 8 Mar reminder is passed over, the 10 Mar one goes. The server is
        // down on 17 Mar: that run exits 75 and the 18 Mar run delivers it.
        let received = try cron(from: "2012-02-01", to: "2012-03-31", skip: ["2012-03-08", "2012-03-09"], serverDownOn: ["2012-03-17"])
        let zoe = received["zoe"] ?? []
        #expect(zoe.count == 7, "\(zoe)")
        #expect(zoe.contains { $0.hasPrefix("remind.2012-03-18.zoe.") })
        #expect(!zoe.contains { $0.hasPrefix("remind.2012-03-17.") })
    }

    /// The records the coordinator makes through the series, as the seeds tell it.
    private static let seasonOfRecords: [String: [[String]]] = {
        var records: [String: [[String]]] = [:]
        let completions = [("inaugural", "plan", "2012-01-20"), ("inaugural", "hold", "2012-02-24"), ("inaugural", "writeup", "2012-03-08"),
                           ("rt1", "plan", "2012-03-16"), ("rt1", "hold", "2012-04-20"), ("rt1", "writeup", "2012-05-03"),
                           ("rt1", "disseminate", "2012-05-18"), ("rt2", "plan", "2012-05-18"), ("rt2", "hold", "2012-06-21"),
                           ("rt2", "writeup", "2012-07-10"), ("rt2", "disseminate", "2012-07-27"), ("rt3", "plan", "2012-07-13"),
                           ("rt3", "hold", "2012-08-16"), ("rt3", "writeup", "2012-08-29"), ("rt3", "disseminate", "2012-09-14"),
                           ("rt4", "plan", "2012-09-24"), ("rt4", "hold", "2012-10-26"), ("rt4", "writeup", "2012-12-03"),
                           ("rt5", "plan", "2012-11-05"), ("rt5", "hold", "2012-12-06")]
        for (session, stage, day) in completions {
            records[max(day, "2012-02-01"), default: []].append(["advance", session, stage, "--on", day])
        }
        records["2012-04-20", default: []].append(["action", "add", "--session", "rt1", "--owner", "priya", "--text", "Share the template"])
        records["2012-10-26", default: []].append(["action", "add", "--session", "rt4", "--owner", "sam", "--text", "Ask for evidence", "--due", "2012-11-23"])
        records["2012-11-30", default: []].append(["action", "done", "A2"])
        return records
    }()

    /// On a SQLite file and on PostgreSQL.
    @Test(arguments: StateKind.allCases)
    func aWholeSeasonOfDailyRunsSendsNothingTwiceAndAnOutageOnlyDelays(kind: StateKind) throws {
        try ReminderTests(state: try kind.newState(in: folder)).wholeSeason(kind: kind)
    }

    private func wholeSeason(kind: StateKind) throws {
        let normal = try cron(from: "2012-02-01", to: "2013-03-31", records: Self.seasonOfRecords)
        #expect(normal.values.allSatisfy { Set($0).count == $0.count }, "no Message-ID twice")
        #expect(normal.keys.count == 10, "everyone is reminded of something over the season")
        // The same season on a fresh state, with the mail server down on four days: the run
        // exits 75 and the next day's run delivers what was missed (in that day's digest, so the
        // number of messages may differ), so the ledger ends up with exactly the same reminders.
        // (Days chosen so the item is still open the next day: a "tomorrow" reminder for a
        // session that has since been held is rightly dropped.)
        let other = try kind.newState(in: try temporaryDirectory())
        let outage = try ReminderTests(state: other).cron(from: "2012-02-01", to: "2013-03-31",
                                                         serverDownOn: ["2012-03-01", "2012-06-13", "2012-10-18", "2012-11-29"],
                                                         records: Self.seasonOfRecords)
        #expect(try ledger(other) == ledger(env["ROUNDTABLE_STATE"]!))
        #expect(outage.values.allSatisfy { Set($0).count == $0.count })
    }

    @Test func doneWorkStopsBeingChased() throws {
        let received = try cron(from: "2012-02-01", to: "2012-03-31", records: [
            "2012-02-24": [["advance", "inaugural", "plan"], ["advance", "inaugural", "hold"]],
            "2012-03-05": [["advance", "inaugural", "writeup"]],
        ])
        // 17 and 23 Feb (the meeting), 2 Mar (write-up due in a week); done on 5 Mar: nothing after.
        #expect(received["zoe"]?.count == 3, "\(received["zoe"] ?? [])")
    }

    /// Two cron servers on one PostgreSQL state are two runs at once too.
    @Test(arguments: StateKind.allCases)
    func twoRunsAtOnceSendEachMessageOnce(kind: StateKind) throws {
        try ReminderTests(state: try kind.newState(in: folder)).twoRunsAtOnce()
    }

    private func twoRunsAtOnce() throws {
        let sink = try SMTPSink()
        let script = (0..<2).map { _ in
            "ROUNDTABLE_SMTP_URL=\(sink.url) '\(roundtableBinary)' remind --as-of 2012-03-02 --transport smtp >/dev/null 2>&1 &"
        }.joined(separator: "\n") + "\nwait"
        let exports = env.map { "export \($0.key)='\($0.value)'" }.joined(separator: "\n")
        #expect(try peer("/bin/bash", ["-c", exports + "\n" + script]).status == 0)
        let ids = try ReceivedMail.read(try sink.messages()).map(\.message_id)
        #expect(!ids.isEmpty)
        #expect(Set(ids).count == ids.count, "\(ids)")
        #expect(try workspace.rt(["remind", "--as-of", "2012-03-02", "--transport", "smtp"], ["ROUNDTABLE_SMTP_URL": sink.url]).stdout
                == "No reminders due as of 2012-03-02.\n")
    }

    @Test func aDryRunSaysWhatWouldGoAndRecordsNothing() throws {
        let dry = try workspace.rt(["remind", "--as-of", "2012-03-02", "--dry-run"])
        #expect(dry.stdout.contains("would send: reminder to zoe <zoe.lindqvist@consult.example.org>: stage:inaugural:writeup (due in 7 days (2012-03-09))"))
        let outbox = folder.appendingPathComponent("outbox").path
        let real = try workspace.rt(["remind", "--as-of", "2012-03-02", "--outbox", outbox])
        #expect(real.stdout.replacingOccurrences(of: "sent: ", with: "would send: ") == dry.stdout)
    }

    @Test func aRefusedRecipientIsReportedAndTheOthersStillGo() throws {
        let sink = try SMTPSink(["--fail-rcpt", "zoe.lindqvist@consult.example.org"])
        let run = try workspace.rt(["remind", "--as-of", "2012-03-02", "--transport", "smtp"], ["ROUNDTABLE_SMTP_URL": sink.url])
        #expect(run.status == 65)
        #expect(run.stderr.contains("zoe.lindqvist@consult.example.org"))
        #expect(try sink.messages().count >= 1)
        // Zoë's reminder was not recorded, the others were: the next run tries her alone again.
        let again = try workspace.rt(["remind", "--as-of", "2012-03-02", "--transport", "smtp"], ["ROUNDTABLE_SMTP_URL": sink.url])
        #expect(again.status == 65)
        #expect(again.stderr.contains("zoe.lindqvist@consult.example.org"))
        #expect(!again.stdout.contains("sent:"))
    }
}
