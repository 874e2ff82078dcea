import Foundation
import Testing
import TestSupport

/// Ids cannot make two series share a UID or a Message-ID: a dot (the separator inside both) is
/// refused in every id, and `uid-domain` must be a DNS name, so what `check` passes every send
/// accepts.
@Suite struct IdCollisionTests {
    private let folder: URL
    private let schedules: URL

    init() throws {
        folder = try temporaryDirectory()
        schedules = folder.appendingPathComponent("schedules")
        try FileManager.default.createDirectory(at: schedules, withIntermediateDirectories: true)
    }

    /// A one-session series; `sessionLine` is the line its session's id is on (line 9).
    private func writeSeries(_ file: String, series: String, session: String, domain: String = "example.org") throws -> String {
        let path = schedules.appendingPathComponent(file).path
        try """
        series: {id: \(series), title: Series \(series), timezone: Europe/London, organiser: coord, uid-domain: '\(domain)'}
        policy: {invite-lead: P28D}
        members:
          - {id: coord, name: Coordinator, email: coord@example.org}
          - {id: sam, name: Sam Patel, email: sam@example.org}
        sessions:
          - kind: meeting
            subject: Opening
            id: \(session)
            start: 2030-03-01T10:00:00
            rapporteur: sam

        """.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func dottedIdsThatWouldShareAUIDAreRefusedByCheckAtTheirLines() throws {
        let first = try writeSeries("x.yaml", series: "x", session: "a.b")
        let second = try writeSeries("bx.yaml", series: "b.x", session: "a")
        let run = try roundtable(["check", "-s", schedules.path])
        #expect(run.status == 65, "\(run.stderr)")
        let why = "may not hold '.': it separates the session from the series in calendar UIDs and Message-IDs"
        #expect(run.stderr.contains("\(first):9:9: error: A session id 'a.b' \(why)"), "\(run.stderr)")
        #expect(run.stderr.contains("\(second):1:14: error: The series id 'b.x' \(why)"), "\(run.stderr)")
    }

    @Test(arguments: ["", String(repeating: "a", count: 5000) + ".org", "-ajc.example.org", "ajc..example.org",
                      "ajc example.org", String(repeating: "abcdefgh.", count: 29) + "org"])
    func aUIDDomainThatIsNotADNSNameIsRefusedByCheckAtItsLine(domain: String) throws {
        let path = try writeSeries("s.yaml", series: "s", session: "rt1", domain: domain)
        let run = try roundtable(["check", "-s", path])
        #expect(run.status == 65, "\(run.stderr)")
        #expect(run.stderr.hasPrefix("\(path):1:"), "\(run.stderr)")
        #expect(run.stderr.contains("should be a domain name such as 'ajc.example.org': labels of 1 to 63 letters"), "\(run.stderr)")
        #expect(run.stderr.utf8.count < 600, "a long domain is cut in the message")
    }

    /// The nearest ids allowed to the colliding pair (`a-b` in `x`, `a` in `b-x`) give every
    /// feed entry and every invitation of an organisation a UID and a Message-ID of its own.
    @Test func twoSeriesOfAnOrganisationNeverShareAUIDOrAMessageID() throws {
        _ = try writeSeries("x.yaml", series: "x", session: "a-b")
        _ = try writeSeries("bx.yaml", series: "b-x", session: "a")
        let workspace = try Workspace()
        #expect(try workspace.rt(["check", "-s", schedules.path]).status == 0)
        #expect(try workspace.rt(["init", "-s", schedules.path]).status == 0)
        let feeds = folder.appendingPathComponent("feeds")
        let export = try workspace.rt(["export", "-s", schedules.path, "--dir", feeds.path, "--as-of", "2030-01-20"])
        #expect(export.status == 0, "\(export.stderr)")
        var uids: [String] = []
        for series in ["x", "b-x"] {
            let text = try String(contentsOf: feeds.appendingPathComponent("\(series)/\(series).ics"), encoding: .utf8)
            uids += text.split(separator: "\r\n").filter { $0.hasPrefix("UID:") }.map(String.init)
        }
        #expect(uids.count >= 2 && Set(uids).count == uids.count, "\(uids)")

        let outbox = folder.appendingPathComponent("outbox")
        for file in ["x.yaml", "bx.yaml"] {
            let invite = try workspace.rt(["invite", "-s", schedules.appendingPathComponent(file).path, "--outbox", outbox.path,
                                           "--as-of", "2030-01-20"])
            #expect(invite.status == 0, "\(invite.stderr)")
        }
        let messages = try FileManager.default.contentsOfDirectory(atPath: outbox.path).filter { $0.hasSuffix(".eml") }
        let ids = try messages.map { name in
            try String(contentsOf: outbox.appendingPathComponent(name), encoding: .utf8)
                .split(separator: "\r\n").first { $0.hasPrefix("Message-ID:") }.map(String.init) ?? ""
        }
        #expect(messages.count == 2, "Sam invited in each series: \(messages)")
        #expect(Set(ids).count == messages.count && !ids.contains(""), "\(ids)")
    }
}
