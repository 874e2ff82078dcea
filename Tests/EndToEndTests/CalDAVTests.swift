import CalendarTime
import Foundation
import ICalendar
import Testing
import TestSupport

/// `publish` against a real CalDAV server (Radicale), read back as calendar clients read it.
@Suite struct CalDAVTests {
    private let radicale: Radicale
    private let workspace: Workspace
    /// The series' collection.
    private let series: String
    private var login: [String: String] { ["ROUNDTABLE_CALDAV_USER": radicale.user, "ROUNDTABLE_CALDAV_PASSWORD": radicale.password] }

    init() throws {
        radicale = try Radicale()
        workspace = try Workspace(["ROUNDTABLE_NOW": "2012-11-26T09:00:00Z"])
        series = radicale.base + "ajc/"
        #expect(try workspace.seed().status == 0)
    }

    private func publish(_ arguments: [String] = [], _ extra: [String: String] = [:]) throws -> Run {
        try workspace.rt(["publish", "--caldav", series] + arguments, login.merging(extra) { $1 })
    }

    /// The UIDs of the events of `export` (with `arguments`) that fall in Oct–Dec 2012.
    private func exportedEventsInTheLastQuarterOf2012(_ arguments: [String] = []) throws -> Set<String> {
        let feed = try Component.parse(try workspace.rt(["export"] + arguments).stdout)
        return Set(feed.components("VEVENT").filter { event in
            let start = event.property("DTSTART")!
            let day = start.instant.map { LocalDateTime(secondsSinceEpoch: Int($0.timeIntervalSince1970)).date }
                ?? { if case .date(let date) = start.value { return date } else { return nil } }()!
            return day >= LocalDate(iso: "2012-10-01")! && day < LocalDate(iso: "2013-01-01")!
        }.map { $0.property("UID")!.value.text })
    }

    /// How many components `export` (with `arguments`) holds: one resource each.
    private func exportedComponents(_ arguments: [String] = []) throws -> Int {
        try Component.parse(try workspace.rt(["export"] + arguments).stdout).components.count { $0.name != "VTIMEZONE" }
    }

    private func instant(_ iso: String) -> Date { ISO8601DateFormatter().date(from: iso)! }

    @Test func theSeriesAndAMembersFeedComeBackAtTheRightInstants() throws {
        let total = try exportedComponents()
        let run = try publish(["--create"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("created the calendar \(series)\n"))
        #expect(run.stdout.hasSuffix("\(series): \(total) created, 0 updated, 0 deleted, 0 unchanged\n"), "\(run.stdout)")

        let events = try radicale.eventsInTheLastQuarterOf2012(in: series)
        #expect(Set(events.map(\.uid)) == (try exportedEventsInTheLastQuarterOf2012()))
        #expect(events.count == Set(events.map(\.uid)).count, "one resource per UID")
        for event in events {
            #expect(event.href.removingPercentEncoding == "/coord/ajc/\(event.uid).ics")
            #expect(event.calendar.property("METHOD") == nil)
        }
        let rt4 = try #require(events.first { $0.uid == "rt4.ajc-plg-2012@ajc.example.org" }?.item)
        #expect(rt4.property("DTSTART")?.instant == instant("2012-10-26T09:30:00Z"), "10:30 BST")
        #expect(rt4.property("DTEND")?.instant == instant("2012-10-26T13:00:00Z"))
        let rt5 = try #require(events.first { $0.uid == "rt5.ajc-plg-2012@ajc.example.org" }?.item)
        #expect(rt5.property("DTSTART")?.instant == instant("2012-12-06T10:30:00Z"), "10:30 GMT")
        let writeup = try #require(events.first { $0.uid == "writeup-due.rt4.ajc-plg-2012@ajc.example.org" }?.item)
        #expect(writeup.property("DTSTART")?.value == .date(LocalDate(iso: "2012-11-09")!))

        // Sam's own calendar, with the login from ~/.netrc instead of the environment.
        let home = try temporaryDirectory()
        try "machine 127.0.0.1 login \(radicale.user) password \(radicale.password)\n"
            .write(to: home.appendingPathComponent(".netrc"), atomically: true, encoding: .utf8)
        let sam = radicale.base + "sam/"
        let samRun = try workspace.rt(["publish", "--caldav", sam, "--member", "sam", "--create"], ["HOME": home.path])
        #expect(samRun.status == 0, "\(samRun.stderr)")
        let samEvents = try radicale.eventsInTheLastQuarterOf2012(in: sam)
        #expect(Set(samEvents.map(\.uid)) == (try exportedEventsInTheLastQuarterOf2012(["--member", "sam"])))
        #expect(samEvents.contains { $0.uid == "writeup-due.rt4.ajc-plg-2012@ajc.example.org" })
        #expect(try radicale.storedNames(in: "sam").count == (try exportedComponents(["--member", "sam"])))
    }

    @Test func aPublishWithNothingChangedSendsNoRequest() throws {
        #expect(try publish(["--create"]).status == 0)
        let requests = try radicale.requests("PUT")
        #expect(requests == (try exportedComponents()))
        let log = try String(contentsOf: radicale.folder.appendingPathComponent("log"), encoding: .utf8)

        let again = try publish([], ["ROUNDTABLE_NOW": "2012-11-27T09:00:00Z"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout == "\(series): 0 created, 0 updated, 0 deleted, \(requests) unchanged\n")
        #expect(try radicale.requests("PUT") == requests)
        #expect(try String(contentsOf: radicale.folder.appendingPathComponent("log"), encoding: .utf8) == log, "no request at all")
    }

    @Test func aMovedSessionIsUpdatedWhereItIsAndADoneDeadlineLeaves() throws {
        #expect(try publish(["--create"]).status == 0)
        let before = try radicale.eventsInTheLastQuarterOf2012(in: series)
        let moved = try scheduleCopy(replacing: [("start: 2012-12-06T10:30:00", "start: 2012-12-13T14:00:00")])
        #expect(try workspace.rt(["advance", "rt4", "writeup", "--on", "2012-11-26"], ["ROUNDTABLE_SCHEDULE": moved]).status == 0)

        let run = try publish([], ["ROUNDTABLE_SCHEDULE": moved])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("updated rt5.ajc-plg-2012@ajc.example.org\n"))
        #expect(run.stdout.contains("deleted writeup-due.rt4.ajc-plg-2012@ajc.example.org\n"))
        #expect(!run.stdout.contains("created "))

        let after = try radicale.eventsInTheLastQuarterOf2012(in: series)
        let old = try #require(before.first { $0.uid == "rt5.ajc-plg-2012@ajc.example.org" })
        let new = try #require(after.first { $0.uid == "rt5.ajc-plg-2012@ajc.example.org" })
        #expect(new.href == old.href && new.etag != old.etag)
        #expect(new.item?.property("DTSTART")?.instant == instant("2012-12-13T14:00:00Z"))
        #expect(after.count { $0.uid == "rt5.ajc-plg-2012@ajc.example.org" } == 1)
        #expect(try radicale.storedNames(in: "ajc").count { $0.hasPrefix("rt5.") } == 1)
        #expect(!after.contains { $0.uid == "writeup-due.rt4.ajc-plg-2012@ajc.example.org" })
        #expect(try radicale.curl(["-o", "/dev/null", "-w", "%{http_code}", old.href.replacingOccurrences(of: "rt5.", with: "writeup-due.rt4.")
            .replacingOccurrences(of: "/coord/ajc/", with: series)]).stdout == "404")
    }

    @Test func aStateRestoredFromItsDumpPublishesOnlyWhatChanged() throws {
        #expect(try publish(["--create"]).status == 0)
        let puts = try radicale.requests("PUT")
        let dump = try workspace.rt(["dump"])
        #expect(dump.status == 0, "\(dump.stderr)")
        #expect(dump.stdout.contains("\npublished:\n"))
        #expect(dump.stdout.contains("\n- {collection: '\(series)', uid: rt5.ajc-plg-2012@ajc.example.org, href: "))
        let file = workspace.folder.appendingPathComponent("backup.yaml")
        try dump.stdout.write(to: file, atomically: true, encoding: .utf8)

        var restored = workspace
        restored.env["ROUNDTABLE_STATE"] = workspace.folder.appendingPathComponent("restored.sqlite").path
        let imported = try restored.rt(["import", file.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try restored.rt(["dump"]).stdout == dump.stdout, "the publish ledger comes back whole")

        let moved = try scheduleCopy(replacing: [("start: 2012-12-06T10:30:00", "start: 2012-12-13T14:00:00")])
        let run = try restored.rt(["publish", "--caldav", series], login.merging(["ROUNDTABLE_SCHEDULE": moved]) { $1 })
        #expect(run.status == 0, "\(run.stderr)")
        // rt5 and its five deadlines moved; nothing else is sent, and nothing meets a conflict.
        #expect(run.stdout.hasSuffix("\(series): 0 created, 6 updated, 0 deleted, \(puts - 6) unchanged\n"), "\(run.stdout)")
        #expect(try radicale.requests("PUT") == puts + 6)
    }

    @Test func aCancelledSessionStaysWithStatusCancelled() throws {
        #expect(try publish(["--create"]).status == 0)
        let cancelled = try scheduleCopy(replacing: [("start: 2012-12-06T10:30:00", "status: cancelled\n    start: 2012-12-06T10:30:00")])
        let run = try publish([], ["ROUNDTABLE_SCHEDULE": cancelled])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("updated rt5.ajc-plg-2012@ajc.example.org\n"))
        let rt5 = try #require(try radicale.eventsInTheLastQuarterOf2012(in: series).first { $0.uid == "rt5.ajc-plg-2012@ajc.example.org" })
        #expect(rt5.item?.property("STATUS")?.value == .text("CANCELLED"))
    }

    @Test func anEditOnTheServerIsReportedAndLeftUntilOverwritten() throws {
        #expect(try publish(["--create"]).status == 0)
        let href = series + "rt5.ajc-plg-2012%40ajc.example.org.ics"
        let edited = try radicale.curl([href]).stdout.replacingOccurrences(of: "SUMMARY:", with: "SUMMARY:Edited by hand: ")
        #expect(try radicale.curl(["-X", "PUT", "-H", "Content-Type: text/calendar", "--data-binary", edited, href]).status == 0)
        let moved = try scheduleCopy(replacing: [("start: 2012-12-06T10:30:00", "start: 2012-12-13T14:00:00")])

        let run = try publish([], ["ROUNDTABLE_SCHEDULE": moved])
        #expect(run.status == 65)
        #expect(run.stderr == "roundtable: error: 'rt5.ajc-plg-2012@ajc.example.org' in '\(series)' was changed on the server since "
            + "it was published; it was left as it is. 'publish --overwrite' replaces it.\n")
        #expect(run.stdout.contains("updated writeup-due.rt5.ajc-plg-2012@ajc.example.org\n"), "the rest is published")
        #expect(try radicale.curl([href]).stdout.contains("Edited by hand"))
        #expect(try publish([], ["ROUNDTABLE_SCHEDULE": moved]).status == 65, "reported again, not forgotten")

        let overwritten = try publish(["--overwrite"], ["ROUNDTABLE_SCHEDULE": moved])
        #expect(overwritten.status == 0, "\(overwritten.stderr)")
        #expect(overwritten.stdout.contains("updated rt5.ajc-plg-2012@ajc.example.org\n"))
        #expect(try !radicale.curl([href]).stdout.contains("Edited by hand"))
    }

    @Test func aServerStoppedMidPublishExits75AndTheNextRunFinishesWithNothingDoubled() throws {
        let total = try exportedComponents()
        #expect(try radicale.curl(["-X", "MKCALENDAR", series]).status == 0)
        try radicale.stop(afterWrites: 10)
        let stopped = try publish()
        #expect(stopped.status == 75, "\(stopped.stderr)")
        #expect(stopped.stderr.hasPrefix("roundtable: error: The calendar could not be published now: cannot reach '\(series)'"),
                "\(stopped.stderr)")
        #expect(stopped.stdout.split(separator: "\n").count { $0.hasPrefix("created ") } == 9)
        radicale.waitUntilStopped()
        #expect(try radicale.storedNames(in: "ajc").count == 10, "the tenth is on disk; we never heard")
        let ledger = workspace.env["ROUNDTABLE_STATE"]!
        #expect(try peer("/usr/bin/sqlite3", [ledger, "SELECT count(*), sum(in_doubt) FROM published_resources"]).stdout == "10|1\n")

        try radicale.start()
        let resumed = try publish()
        #expect(resumed.status == 0, "\(resumed.stderr)")
        // The tenth is asked for (GET), found to be ours and recorded, not put again.
        #expect(resumed.stdout.hasSuffix("\(series): \(total - 10) created, 0 updated, 0 deleted, 10 unchanged\n"), "\(resumed.stdout)")
        let names = try radicale.storedNames(in: "ajc")
        #expect(names.count == total && Set(names).count == total)
        let events = try radicale.eventsInTheLastQuarterOf2012(in: series)
        #expect(events.count == Set(events.map(\.uid)).count)
        #expect(try peer("/usr/bin/sqlite3", [ledger, "SELECT count(*), sum(in_doubt) FROM published_resources"]).stdout == "\(total)|0\n")
        let puts = try radicale.requests("PUT")
        #expect(try publish().status == 0)
        #expect(try radicale.requests("PUT") == puts)
    }

    @Test func aWrongPasswordExits77AndIsShownNowhere() throws {
        let run = try publish(["--create"], ["ROUNDTABLE_CALDAV_PASSWORD": "wrong-secret-123"])
        #expect(run.status == 77)
        #expect(run.stderr == "roundtable: error: Publishing is not permitted: the CalDAV server at '\(series)' refused the login (401); "
            + "check ROUNDTABLE_CALDAV_USER and ROUNDTABLE_CALDAV_PASSWORD, or the server's entry in ~/.netrc.\n")
        #expect(!(run.stdout + run.stderr).contains("wrong-secret-123"))
        #expect(try peer("/usr/bin/sqlite3", [workspace.env["ROUNDTABLE_STATE"]!, "SELECT count(*) FROM published_resources"]).stdout == "0\n")
    }

    @Test func membersGetACollectionEachHoldingTheirOwnCalendar() throws {
        let run = try workspace.rt(["publish", "--caldav", radicale.base, "--members", "--create"], login)
        #expect(run.status == 0, "\(run.stderr)")
        for member in ["coord", "sam", "zoe"] {
            #expect(run.stdout.contains("created the calendar \(radicale.base)\(member)/\n"))
            #expect(try radicale.storedNames(in: member).count == (try exportedComponents(["--member", member])), "\(member)")
        }
    }

    @Test func aLoginInClearToAnotherMachineIsRefusedUnlessInsecureHTTPIsGiven() throws {
        let environment = ["ROUNDTABLE_CALDAV_URL": "http://cal.example.org/ajc/", "ROUNDTABLE_CALDAV_USER": "coord",
                           "ROUNDTABLE_CALDAV_PASSWORD": "secret-42"]
        let run = try workspace.rt(["publish"], environment)
        #expect(run.status == 77)
        #expect(run.stderr == "roundtable: error: Publishing is not permitted: the login would go in clear to 'http://cal.example.org/ajc/', "
            + "which is plain http to another machine; use https://, or pass --insecure-http to send it anyway.\n")
        // Given --insecure-http, it is sent: here, through a proxy on this machine that answers 502.
        let proxyPort = try unusedPort()
        let proxyFolder = try temporaryDirectory()
        let proxy = try LocalServer("/usr/bin/python3", [peerScript("caldav_hostile.py"), "\(proxyPort)", proxyFolder.path, "coord", "secret-42",
                                                         "--proxy"], port: proxyPort, log: proxyFolder.appendingPathComponent("output"))
        let insecure = try workspace.rt(["publish", "--insecure-http"], environment.merging(["http_proxy": "http://127.0.0.1:\(proxy.port)"]) { $1 })
        #expect(insecure.status == 75, "\(insecure.stderr)")
        #expect(try String(contentsOf: proxyFolder.appendingPathComponent("log"), encoding: .utf8).hasPrefix("PUT http://cal.example.org/ajc/"))
        #expect(!(insecure.stdout + insecure.stderr).contains("secret-42"))
    }

    @Test(arguments: [
        (["ROUNDTABLE_CALDAV_URL": "https://coord:secret-42@cal.example.org/ajc/"],
         "the CalDAV URL 'https://cal.example.org/ajc/' holds a user part; take it out and set ROUNDTABLE_CALDAV_USER and "
            + "ROUNDTABLE_CALDAV_PASSWORD, or put the login in ~/.netrc"),
        (["ROUNDTABLE_CALDAV_URL": "https://cal.example.org/ajc/", "ROUNDTABLE_CALDAV_USER": "coord"],
         "ROUNDTABLE_CALDAV_USER is set but ROUNDTABLE_CALDAV_PASSWORD is not; set both or neither"),
        (["ROUNDTABLE_CALDAV_URL": "https://cal.example.org/ajc/", "ROUNDTABLE_CALDAV_CA_FILE": "/nonexistent/ca.pem"],
         "the CA file '/nonexistent/ca.pem' (ROUNDTABLE_CALDAV_CA_FILE) cannot be read: No such file or directory"),
    ])
    func aSetupThatWouldLeakOrCannotWorkIsRefusedBeforeAnythingIsSent(environment: [String: String], why: String) throws {
        let run = try workspace.rt(["publish"], environment)
        #expect(run.status == 69)
        #expect(run.stderr == "roundtable: error: Publishing is not set up correctly: \(why).\n")
        #expect(!run.stderr.contains("secret-42"))
    }
}
