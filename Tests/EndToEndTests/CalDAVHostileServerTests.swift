import Foundation
import Testing
import TestSupport

/// `publish` against a scripted CalDAV server (Tests/TestSupport/Peers/caldav_hostile.py) that
/// misbehaves on demand, and a proxy that must never be used: where the login may go, a server
/// that asks us to wait, an answer that cannot be read, ETags that are not ASCII.
@Suite struct CalDAVHostileServerTests {
    private let folder: URL
    private let server: LocalServer
    private let workspace: Workspace
    private let user = "coord"
    private let password = "hostile-secret-42"
    private var collection: String { "http://127.0.0.1:\(server.port)/coord/ajc/" }
    private var login: [String: String] { ["ROUNDTABLE_CALDAV_USER": user, "ROUNDTABLE_CALDAV_PASSWORD": password] }

    init() throws {
        folder = try temporaryDirectory()
        let port = try unusedPort()
        server = try LocalServer("/usr/bin/python3", [peerScript("caldav_hostile.py"), "\(port)", folder.path, user, password],
                                 port: port, log: folder.appendingPathComponent("output"))
        workspace = try Workspace(["ROUNDTABLE_NOW": "2012-11-26T09:00:00Z"])
        #expect(try workspace.seed().status == 0)
    }

    private func publish(_ url: String, _ arguments: [String] = [], _ extra: [String: String] = [:]) throws -> Run {
        try workspace.rt(["publish", "--caldav", url] + arguments, login.merging(extra) { $1 })
    }

    /// Puts `name` in the server's folder, where it changes how it answers.
    private func set(_ name: String) throws {
        _ = FileManager.default.createFile(atPath: folder.appendingPathComponent(name).path, contents: nil)
    }

    /// The server's log: `METHOD TARGET STATUS auth|noauth`, one request a line.
    private func requests(in folder: URL? = nil) throws -> [String] {
        let log = (folder ?? self.folder).appendingPathComponent("log")
        guard FileManager.default.fileExists(atPath: log.path) else { return [] }
        return try String(contentsOf: log, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    private func ledger() throws -> String {
        try peer("/usr/bin/sqlite3", [workspace.env["ROUNDTABLE_STATE"]!, "SELECT count(*), coalesce(sum(in_doubt), 0) FROM published_resources"]).stdout
    }

    private func exportedComponents() throws -> Int {
        try workspace.rt(["export"]).stdout.components(separatedBy: "\r\nUID:").count - 1
    }

    /// A proxy that answers 502 to anything and logs what reached it.
    private func proxy() throws -> (LocalServer, URL) {
        let proxyFolder = try temporaryDirectory()
        let port = try unusedPort()
        let proxy = try LocalServer("/usr/bin/python3", [peerScript("caldav_hostile.py"), "\(port)", proxyFolder.path, user, password, "--proxy"],
                                    port: port, log: proxyFolder.appendingPathComponent("output"))
        return (proxy, proxyFolder)
    }

    @Test func aHostThatOnlyLooksLikeLoopbackIsRefusedBeforeAnythingIsSent() throws {
        let (proxy, proxyFolder) = try proxy()
        let run = try publish("http://127.evil.example/ajc/", ["--create"], ["http_proxy": "http://127.0.0.1:\(proxy.port)"])
        #expect(run.status == 77, "\(run.stderr)")
        #expect(run.stderr == "roundtable: error: Publishing is not permitted: the login would go in clear to 'http://127.evil.example/ajc/', "
            + "which is plain http to another machine; use https://, or pass --insecure-http to send it anyway.\n")
        #expect(try requests(in: proxyFolder).isEmpty, "nothing reached the proxy")
        #expect(!(run.stdout + run.stderr).contains(password))
    }

    @Test(arguments: ["localhost", "127.0.0.1"])
    func loopbackIsReachedDirectlyWhateverProxyTheEnvironmentNames(host: String) throws {
        let (proxy, proxyFolder) = try proxy()
        let through = "http://127.0.0.1:\(proxy.port)"
        let run = try publish("http://\(host):\(server.port)/coord/ajc/", ["--create"],
                              ["http_proxy": through, "HTTPS_PROXY": through, "ALL_PROXY": through, "all_proxy": through])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try requests(in: proxyFolder).isEmpty, "the login never went through the proxy")
        let puts = try requests().filter { $0.hasPrefix("PUT ") && $0.hasSuffix(" auth") }
        #expect(puts.count == (try exportedComponents()))
    }

    @Test(arguments: [(429, "too many requests"), (503, "unavailable")])
    func aServerAskingToWaitStopsTheRunAtOnceNamingRetryAfterAndTheNextRunCarriesOn(status: Int, meaning: String) throws {
        try set("throttle")
        try "\(status)".write(to: folder.appendingPathComponent("throttle-status"), atomically: true, encoding: .utf8)
        let run = try publish(collection)
        #expect(run.status == 75, "\(run.stderr)")
        #expect(run.stderr == "roundtable: error: The calendar could not be published now: the CalDAV server at '\(collection)' answered "
            + "\(status) (\(meaning)) to PUT and asks to wait 120 seconds (Retry-After: 120). The next run will try again.\n")
        #expect(try requests().count { $0.hasPrefix("PUT ") && $0.hasSuffix(" auth") } == 1, "stopped at the first, not after all")
        #expect(try ledger() == "0|0\n", "nothing recorded, nothing in doubt")

        try FileManager.default.removeItem(at: folder.appendingPathComponent("throttle"))
        let total = try exportedComponents()
        let resumed = try publish(collection)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.hasSuffix("\(collection): \(total) created, 0 updated, 0 deleted, 0 unchanged\n"), "\(resumed.stdout)")
        #expect(try ledger() == "\(total)|0\n")
    }

    @Test func aGarbledAnswerToAPutLeavesItInDoubtAndTheNextRunSettlesIt() throws {
        let total = try exportedComponents()
        try set("garble-next-put")
        let run = try publish(collection, ["--create"])
        #expect(run.status == 75, "\(run.stderr)")
        #expect(run.stderr.hasPrefix("roundtable: error: The calendar could not be published now: the answer of '\(collection)' to PUT "
            + "cannot be read ("), "\(run.stderr)")
        #expect(run.stderr.hasSuffix("The next run will check what the server holds and finish.\n"))
        #expect(try ledger() == "1|1\n", "stored by the server, in doubt for us")

        let settled = try publish(collection)
        #expect(settled.status == 0, "\(settled.stderr)")
        #expect(settled.stdout.hasSuffix("\(collection): \(total - 1) created, 0 updated, 0 deleted, 1 unchanged\n"), "\(settled.stdout)")
        #expect(try requests().count { $0.hasPrefix("GET ") && $0.contains(" 200 ") } == 1, "asked once what it holds")
        #expect(try requests().count { $0.contains(" 412 ") } == 0, "never taken for someone else's")
        #expect(try ledger() == "\(total)|0\n")
    }

    @Test func aGarbledAnswerToAnUpdateIsSettledToo() throws {
        #expect(try publish(collection, ["--create"]).status == 0)
        try set("garble-next-put")
        let moved = try scheduleCopy(replacing: [("start: 2012-12-06T10:30:00", "start: 2012-12-13T14:00:00")])
        let run = try publish(collection, [], ["ROUNDTABLE_SCHEDULE": moved])
        #expect(run.status == 75, "\(run.stderr)")
        let settled = try publish(collection, [], ["ROUNDTABLE_SCHEDULE": moved])
        #expect(settled.status == 0, "\(settled.stderr)")
        #expect(settled.stdout.contains(" 0 created, 5 updated, 0 deleted, "), "\(settled.stdout)")
        #expect(try requests().count { $0.contains(" 412 ") } == 0)
        #expect(try publish(collection, [], ["ROUNDTABLE_SCHEDULE": moved]).stdout.contains(" 0 created, 0 updated, 0 deleted, "))
    }

    @Test func anETagWithBytesAbove0x7FComesBackByteForByte() throws {
        try set("latin1-etags")
        #expect(try publish(collection, ["--create"]).status == 0)
        let moved = try scheduleCopy(replacing: [("start: 2012-12-06T10:30:00", "start: 2012-12-13T14:00:00")])
        let run = try publish(collection, [], ["ROUNDTABLE_SCHEDULE": moved])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(" 0 created, 6 updated, 0 deleted, "), "\(run.stdout)")
        #expect(try requests().count { $0.contains(" 412 ") } == 0, "every If-Match matched")
    }
}
