import Foundation
import Testing
import TestSupport

/// What happens when the world misbehaves: a sendmail that hangs or fails, a state folder that
/// cannot be written, a run killed at any moment.
@Suite struct FaultTests {
    private let workspace: Workspace
    private var folder: URL { workspace.folder }

    init() throws {
        workspace = try Workspace()
    }

    /// A stand-in for sendmail: a script that does `body` with the message on its standard input.
    private func fakeSendmail(_ body: String) throws -> String {
        let path = folder.appendingPathComponent("sendmail-\(UUID().uuidString)").path
        // Written by another process: a script this process wrote could still be open in a child forked
        // meanwhile by a parallel test, and exec would then fail with "Text file busy".
        let made = try peer("/bin/sh", ["-c", "printf '%s\\n' '#!/bin/bash' \"$1\" > \"$2\" && chmod 755 \"$2\"", "sh", body, path])
        guard made.status == 0 else { throw CocoaError(.fileWriteUnknown) }
        return path
    }

    @Test func sendmailGetsEachMessageOnItsStandardInputWithDashTDashI() throws {
        let saved = folder.appendingPathComponent("piped")
        try FileManager.default.createDirectory(at: saved, withIntermediateDirectories: true)
        let sendmail = try fakeSendmail("f=\(saved.path)/$RANDOM$RANDOM; echo \"$@\" > $f.args; cat > $f.eml")
        let run = try workspace.rt(["remind", "--as-of", "2012-03-02", "--transport", "sendmail", "--sendmail", sendmail])
        #expect(run.status == 0, "\(run.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: saved.path)
        let args = files.filter { $0.hasSuffix(".args") }
        #expect(!args.isEmpty)
        for file in args {
            #expect(try String(contentsOf: saved.appendingPathComponent(file), encoding: .utf8) == "-t -i\n")
        }
        let mails = try ReceivedMail.read(files.filter { $0.hasSuffix(".eml") }.map { saved.appendingPathComponent($0) })
        #expect(mails.count == args.count)
        #expect(mails.allSatisfy { $0.problems.isEmpty })
    }

    @Test func aFailingSendmailIsTemporaryAndNothingIsRecorded() throws {
        let failing = try fakeSendmail("cat >/dev/null; echo 'queue full' >&2; exit 75")
        let run = try workspace.rt(["remind", "--as-of", "2012-03-02", "--transport", "sendmail", "--sendmail", failing])
        #expect(run.status == 75)
        #expect(run.stderr.contains("queue full"))
        let dry = try workspace.rt(["remind", "--as-of", "2012-03-02", "--dry-run"])
        #expect(dry.stdout.contains("would send"), "nothing was recorded as sent")
    }

    @Test func aHangingSendmailIsStoppedAndTheRunExits75() throws {
        let hanging = try fakeSendmail("sleep 600")
        let started = Date()
        let run = try workspace.rt(["remind", "--as-of", "2012-03-02", "--transport", "sendmail", "--sendmail", hanging],
                         ["ROUNDTABLE_SENDMAIL_TIMEOUT": "2"])
        #expect(run.status == 75, "\(run.stderr)")
        #expect(run.stderr.contains("did not finish"))
        #expect(Date().timeIntervalSince(started) < 30)
    }

    @Test func aMissingSendmailIsAConfigurationError() throws {
        let run = try workspace.rt(["remind", "--as-of", "2012-03-02", "--transport", "sendmail", "--sendmail", "/nonexistent/sendmail"])
        #expect(run.status == 69)
    }

    @Test func smtpWithoutAURLSaysWhichVariableToSet() throws {
        let run = try workspace.rt(["remind", "--as-of", "2012-03-02", "--transport", "smtp"])
        #expect(run.status == 69)
        #expect(run.stderr.contains("ROUNDTABLE_SMTP_URL"))
    }

    /// libcurl is loaded only when something goes to a server: without it, the commands that send
    /// nothing still run, and sending says what to install (exit 69) and records nothing as sent.
    @Test func withoutLibcurlOnlySendingToAServerStopsAndSaysWhatToInstall() throws {
        let missing = ["ROUNDTABLE_LIBCURL": "/nonexistent/libcurl.so.4"]
        let overdue = try workspace.rt(["overdue", "--as-of", "2012-03-02"], missing)
        #expect(overdue.status == 1, "\(overdue.stderr)")
        #expect(overdue.stdout.contains("plan of inaugural"))
        #expect(try workspace.rt(["remind", "--as-of", "2012-03-02", "--dry-run", "--transport", "smtp"],
                                 missing.merging(["ROUNDTABLE_SMTP_URL": "smtp://127.0.0.1:9"]) { _, new in new }).status == 0)

        let sink = try SMTPSink()
        let remind = try workspace.rt(["remind", "--as-of", "2012-03-02", "--transport", "smtp"],
                                      missing.merging(["ROUNDTABLE_SMTP_URL": sink.url]) { _, new in new })
        #expect(remind.status == 69, "\(remind.stderr)")
        #expect(remind.stderr.contains("Mail is not set up correctly: libcurl could not be loaded (/nonexistent/libcurl.so.4: "))
        #expect(remind.stderr.contains("apt-get install libcurl4"))
        #expect(try sink.messages().isEmpty)
        let sent = try workspace.rt(["remind", "--as-of", "2012-03-02", "--transport", "smtp"], ["ROUNDTABLE_SMTP_URL": sink.url])
        #expect(sent.status == 0, "nothing was recorded as sent: \(sent.stderr)")
        #expect(try !sink.messages().isEmpty)

        let publish = try workspace.rt(["publish", "--caldav", "http://127.0.0.1:9/calendars/ajc/"], missing)
        #expect(publish.status == 69, "\(publish.stderr)")
        #expect(publish.stderr.contains("Publishing is not set up correctly: libcurl could not be loaded"))
    }

    /// Runs `arguments` through an SMTP server that drops the connection during the Nth message,
    /// then again through the same server (now healthy): the first run exits 75 having recorded
    /// only what was accepted, the second sends exactly the rest, the dropped one with the same
    /// Message-ID, and a third has nothing left to send.
    private func expectDroppedMessageSentOnceLater(_ arguments: [String], dropping n: Int, total: Int, nothingLeft: String,
                                                   _ extra: [String: String] = [:]) throws {
        let sink = try SMTPSink(["--drop-data", "\(n)"])
        let smtp = extra.merging(["ROUNDTABLE_SMTP_URL": sink.url]) { _, new in new }
        let first = try workspace.rt(arguments + ["--transport", "smtp"], smtp)
        #expect(first.status == 75, "\(first.stdout)\(first.stderr)")
        #expect(first.stderr.contains("Mail could not be delivered now"), "\(first.stderr)")
        #expect(first.stdout.split(separator: "\n").filter { $0.hasPrefix("sent: ") }.count == n - 1)
        #expect(try sink.messages().count == n - 1, "the ones accepted before the drop")
        let dropped = try #require(try ReceivedMail.read(try sink.dropped()).first)

        let second = try workspace.rt(arguments + ["--transport", "smtp"], smtp)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.split(separator: "\n").filter { $0.hasPrefix("sent: ") }.count == total - n + 1)
        let ids = try ReceivedMail.read(try sink.messages()).map(\.message_id)
        #expect(ids.count == total)
        #expect(Set(ids).count == total, "nothing twice: \(ids)")
        #expect(ids.filter { $0 == dropped.message_id }.count == 1, "the dropped message went later, as the same message")
        #expect(try workspace.rt(arguments + ["--transport", "smtp"], smtp).stdout.contains(nothingLeft))
    }

    @Test func theMailServerDroppingTheConnectionMidMessageLosesNothingAndSendsNothingTwice() throws {
        try expectDroppedMessageSentOnceLater(["remind", "--as-of", "2012-04-13"], dropping: 4, total: 10,
                                              nothingLeft: "No reminders due as of 2012-04-13.")
        try expectDroppedMessageSentOnceLater(["invite", "rt5", "--as-of", "2012-11-08"], dropping: 3, total: 9, nothingLeft: "Nothing to send",
                                              ["ROUNDTABLE_NOW": "2012-11-06T09:00:00Z"])
    }

    @Test func aStateFolderThatCannotBeWrittenIsReportedNotCrashedOn() throws {
        let file = folder.appendingPathComponent("a-file")
        try "x".write(to: file, atomically: true, encoding: .utf8)
        let run = try workspace.rt(["init"], ["ROUNDTABLE_STATE": file.appendingPathComponent("state.sqlite").path])
        #expect(run.status == 73, "\(run.stderr)")
        #expect(run.stderr.hasPrefix("roundtable: error: Cannot open"))
    }

    /// On a SQLite file and on PostgreSQL (where the kill also cuts the connection that holds the
    /// run's advisory lock and maybe an open transaction). The moments are drawn from a seed
    /// chosen per run and named in every failure; `ROUNDTABLE_KILL_SEED=N` draws them again.
    @Test(arguments: StateKind.allCases)
    func remindKilledAtAnyMomentForgetsNothingAndResendsAtMostTheMessageInFlight(kind: StateKind) throws {
        var random = SeededRandom.forKills()
        // Time one whole run, then, each time on a fresh state, kill a run at a random point of it
        // (the message says where, should one fail) and let the next run finish the job.
        let started = Date()
        _ = try workspace.rt(["remind", "--as-of", "2012-04-13", "--dry-run"])
        let whole = Date().timeIntervalSince(started)
        for attempt in 0..<10 {
            let delay = Double.random(in: 0.01...max(0.05, whole * 1.1), using: &random)
            let state = try kind.newState(in: folder)
            #expect(try workspace.rt(["init"], ["ROUNDTABLE_STATE": state].merging(StateKind.environment) { _, new in new }).status == 0)
            let outbox = folder.appendingPathComponent("outbox-\(attempt)")
            _ = try peer("/bin/bash", ["-c", """
                export ROUNDTABLE_SCHEDULE='\(bundledSchedule)' ROUNDTABLE_STATE='\(state)' ROUNDTABLE_STATE_PASSWORD='\(StateKind.environment["ROUNDTABLE_STATE_PASSWORD"]!)'
                '\(roundtableBinary)' remind --as-of 2012-04-13 --outbox '\(outbox.path)' >/dev/null 2>&1 & pid=$!
                sleep \(delay); kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null; true
                """])
            let finish = try workspace.rt(["remind", "--as-of", "2012-04-13", "--outbox", outbox.path],
                                          ["ROUNDTABLE_STATE": state].merging(StateKind.environment) { _, new in new })
            #expect(finish.status == 0, "killed after \(delay) s of \(whole) s (\(random.replay)): \(finish.stderr)")
            #expect(try workspace.rt(["remind", "--as-of", "2012-04-13", "--dry-run"],
                                     ["ROUNDTABLE_STATE": state].merging(StateKind.environment) { _, new in new }).stdout
                    == "No reminders due as of 2012-04-13.\n", "killed after \(delay) s of \(whole) s (\(random.replay)): all recorded")
            // The outbox names files by Message-ID: a message resent after a kill replaced its own file.
            // (A kill during a write can leave a hidden temporary file; never a half .eml.)
            let files = try FileManager.default.contentsOfDirectory(atPath: outbox.path).filter { $0.hasSuffix(".eml") && !$0.hasPrefix(".") }
            #expect(files.count == 10, "killed after \(delay) s of \(whole) s (\(random.replay)): one digest per member: \(files)")
            if attempt == 0 {
                let mails = try ReceivedMail.read(files.map { outbox.appendingPathComponent($0) })
                #expect(mails.allSatisfy { $0.problems.isEmpty && $0.plain?.contains("Dear") == true })
            }
        }
    }
}
