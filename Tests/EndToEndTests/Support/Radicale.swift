import Foundation
import ICalendar
#if canImport(FoundationXML)
import FoundationXML
import TestSupport
#endif

/// A real CalDAV server (Debian's radicale) on a free loopback port for one test, with a
/// throwaway config, htpasswd file and storage, stopped when the test is done.
final class Radicale {
    let folder: URL
    let port: Int
    let user = "coord"
    let password = "right-secret-42"
    private var process: Process?

    /// The user's principal collection, under which the tests' calendars go.
    var base: String { "http://127.0.0.1:\(port)/\(user)/" }

    init() throws {
        folder = try temporaryDirectory()
        port = try unusedPort()
        try "\(user):\(password)\n".write(to: folder.appendingPathComponent("users"), atomically: true, encoding: .utf8)
        try """
            [server]
            hosts = 127.0.0.1:\(port)
            [auth]
            type = htpasswd
            htpasswd_filename = \(folder.path)/users
            htpasswd_encryption = plain
            [rights]
            type = owner_only
            [storage]
            filesystem_folder = \(folder.path)/collections
            hook = /bin/sh \(peerScript("radicale_hook.sh")) \(folder.path)
            [web]
            type = none
            [logging]
            level = info
            mask_passwords = True
            """.write(to: folder.appendingPathComponent("config"), atomically: true, encoding: .utf8)
        try start()
    }

    /// Starts the server (again) on the same port and storage; waits up to 10 s for it to listen.
    func start() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/radicale")
        process.arguments = ["--config", folder.appendingPathComponent("config").path]
        let log = folder.appendingPathComponent("log")
        if !FileManager.default.fileExists(atPath: log.path) { _ = FileManager.default.createFile(atPath: log.path, contents: nil) }
        let handle = try FileHandle(forWritingTo: log)
        try handle.seekToEnd()
        process.standardError = handle
        process.standardOutput = handle
        try process.run()
        self.process = process
        try "\(process.processIdentifier)".write(to: folder.appendingPathComponent("radicale.pid"), atomically: true, encoding: .utf8)
        let deadline = Date().addingTimeInterval(10)
        while !LocalServer.accepts(port) {
            guard Date() < deadline, process.isRunning else { throw CocoaError(.fileReadUnknown) }
            usleep(50_000)
        }
    }

    /// Kills the server when it has made `count` more writes, before it answers the last.
    func stop(afterWrites count: Int) throws {
        try "\(try writes() + count)".write(to: folder.appendingPathComponent("stop-at"), atomically: true, encoding: .utf8)
    }

    /// Waits for a server stopped by `stop(afterWrites:)` to be gone.
    func waitUntilStopped() {
        process?.waitUntilExit()
    }

    /// The writes the server has made so far (by its storage hook's count).
    func writes() throws -> Int {
        Int((try? String(contentsOf: folder.appendingPathComponent("writes"), encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "0") ?? 0
    }

    /// How many requests of `method` the server has answered with the login, from its log: a
    /// request libcurl makes without one first, to learn whether the server wants Basic or
    /// Digest, is answered 401 and does nothing.
    func requests(_ method: String) throws -> Int {
        try String(contentsOf: folder.appendingPathComponent("log"), encoding: .utf8)
            .split(separator: "\n").count { $0.contains("] \(method) response status for ") && !$0.hasSuffix(": 401 Unauthorized") }
    }

    /// `curl` as the coordinator's own client, with the right login: the server's answer.
    func curl(_ arguments: [String]) throws -> Run {
        try peer("/usr/bin/curl", ["-s", "-u", "\(user):\(password)"] + arguments)
    }

    /// Every calendar object of `collection` with an event in Oct–Dec 2012, by a CalDAV REPORT
    /// (calendar-query with a time range), as a calendar client would ask for them.
    func eventsInTheLastQuarterOf2012(in collection: String) throws -> [StoredResource] {
        let query = """
            <?xml version="1.0" encoding="utf-8"?>
            <C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
              <D:prop><D:getetag/><C:calendar-data/></D:prop>
              <C:filter><C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT">
                <C:time-range start="20121001T000000Z" end="20130101T000000Z"/>
              </C:comp-filter></C:comp-filter></C:filter>
            </C:calendar-query>
            """
        let run = try curl(["-X", "REPORT", "-H", "Depth: 1", "-H", "Content-Type: application/xml", "--data-binary", query, collection])
        let document = try XMLDocument(data: Data(run.stdout.utf8))
        return try document.nodes(forXPath: "//*[local-name()='response']").map { response in
            func text(_ name: String) throws -> String {
                try response.nodes(forXPath: ".//*[local-name()='\(name)']").first?.stringValue ?? ""
            }
            return StoredResource(href: try text("href"), etag: try text("getetag"), calendar: try Component.parse(try text("calendar-data")))
        }
    }

    /// Every resource name in `collection`'s folder on disk: what the server holds, whatever it answers.
    func storedNames(in collection: String) throws -> [String] {
        let path = folder.appendingPathComponent("collections/collection-root/\(user)/\(collection)").path
        return try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".ics") }.sorted()
    }

    /// SIGKILL, not SIGTERM: a child of the test runner can inherit a mask that blocks SIGTERM.
    deinit {
        if let process, process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: folder)
    }
}

/// One calendar object as the server gave it back.
struct StoredResource {
    let href: String
    let etag: String
    let calendar: Component

    /// The UID of its (one) component.
    var uid: String { calendar.components.first { $0.name != "VTIMEZONE" }?.property("UID")?.value.text ?? "" }

    /// The component itself.
    var item: Component? { calendar.components.first { $0.name != "VTIMEZONE" } }
}
