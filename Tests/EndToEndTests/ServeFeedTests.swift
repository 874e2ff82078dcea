import Foundation
import Testing
import TestSupport

/// `roundtable serve`'s feeds through a real HTTP client: the bytes `export` writes, and the
/// validators that let a calendar client poll them for a 304.
@Suite struct ServeFeedTests {
    private let workspace: Workspace

    init() throws {
        workspace = try Workspace(["ROUNDTABLE_NOW": "2012-11-28T09:00:00Z"])
        #expect(try workspace.seed().status == 0)
    }

    /// A feed without its DTSTAMP lines, the one part that says when it was made.
    private func unstamped(_ text: String) -> String {
        text.split(separator: "\r\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("DTSTAMP:") }.joined(separator: "\r\n")
    }

    @Test func theSeriesAndMemberFeedsAreTheBytesExportWrites() throws {
        let served = try ServedSeries(workspace)
        for (path, member) in [("/feeds/ajc-plg-2012.ics", nil), ("/feeds/sam.ics", "sam")] as [(String, String?)] {
            let answer = try served.ask(path)
            #expect(answer.status == 200)
            #expect(answer.headers["content-type"] == "text/calendar; charset=utf-8")
            let exported = try workspace.rt(["export"] + (member.map { ["--member", $0] } ?? []))
            #expect(exported.status == 0)
            #expect(unstamped(answer.body) == unstamped(exported.stdout))
            #expect(answer.body.contains("BEGIN:VCALENDAR"))
        }
    }

    @Test func aClientThatHasTheFeedGets304WithNoBody() throws {
        let served = try ServedSeries(workspace)
        let first = try served.ask("/feeds/sam.ics")
        let etag = try #require(first.headers["etag"])
        let modified = try #require(first.headers["last-modified"])
        #expect(etag.hasPrefix("\"") && etag.hasSuffix("\""), "a strong ETag: \(etag)")
        #expect(modified.hasSuffix(" GMT"))
        #expect(first.headers["cache-control"] == "max-age=300")
        let answers = try served.ask([
            ["path": "/feeds/sam.ics", "headers": ["If-None-Match": etag]],
            ["path": "/feeds/sam.ics", "headers": ["If-None-Match": "\"other\", W/\(etag)"]],
            ["path": "/feeds/sam.ics", "headers": ["If-Modified-Since": modified]],
            ["path": "/feeds/sam.ics", "headers": ["If-None-Match": "\"other\""]],
            ["path": "/feeds/sam.ics", "headers": ["If-Modified-Since": "Sat, 01 Jan 2000 00:00:00 GMT"]],
            ["path": "/feeds/sam.ics", "headers": ["If-None-Match": "\"other\"", "If-Modified-Since": modified]],
        ])
        #expect(answers.map(\.status) == [304, 304, 304, 200, 200, 200])
        #expect(answers[0].body.isEmpty)
        #expect(answers[0].headers["etag"] == etag)
        #expect(answers[3].body == first.body)
    }

    @Test func headAnswersWithTheHeadersOfGetAndNoBody() throws {
        let served = try ServedSeries(workspace)
        let get = try served.ask("/feeds/ajc-plg-2012.ics")
        let head = try served.ask("/feeds/ajc-plg-2012.ics", method: "HEAD")
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        #expect(head.headers["etag"] == get.headers["etag"])
        #expect(head.headers["content-length"] == String(get.body.utf8.count))
        #expect(head.headers["content-type"] == "text/calendar; charset=utf-8")
    }

    @Test func unknownFeedsAre404AndOtherMethods405() throws {
        let served = try ServedSeries(workspace)
        #expect(try served.ask("/feeds/nobody.ics").status == 404)
        #expect(try served.ask("/feeds/sam").status == 404)
        #expect(try served.ask("/nothing/here").status == 404)
        for method in ["POST", "PUT", "DELETE"] {
            let answer = try served.ask("/feeds/sam.ics", method: method, body: "x")
            #expect(answer.status == 405, "\(method)")
            #expect(answer.headers["allow"] == "GET, HEAD", "\(method)")
        }
    }

    @Test func theFeedIsRebuiltOnlyWhenTheStateChanges() throws {
        let served = try ServedSeries(workspace)
        let before = try #require(try served.ask("/feeds/sam.ics").headers["etag"])
        // Past the server's one second between reads: nothing changed, so the same bytes (a
        // rebuild would have stamped them anew, and the ETag with them).
        Thread.sleep(forTimeInterval: 1.3)
        #expect(try served.ask("/feeds/sam.ics").headers["etag"] == before)
        #expect(try workspace.rt(["advance", "rt4", "writeup", "--on", "2012-11-27"]).status == 0)
        Thread.sleep(forTimeInterval: 1.3)
        let after = try served.ask("/feeds/sam.ics", headers: ["If-None-Match": before])
        #expect(after.status == 200)
        #expect(after.headers["etag"] != before)
    }

    @Test func oversizedRequestsAreRefusedAndTheServerGoesOn() throws {
        let served = try ServedSeries(workspace)
        let long = String(repeating: "a", count: 20_000)
        let answers = try served.ask([
            ["raw": "GET /feeds/sam.ics HTTP/1.1\r\nHost: x\r\nX-Big: \(long)\r\n\r\n"],
            ["raw": "GET /feeds/\(long).ics HTTP/1.1\r\nHost: x\r\n\r\n"],
            ["raw": "GET /feeds/sam.ics HTTP/1.1\r\nHost: x\r\n" + (0..<100).map { "X-\($0): y\r\n" }.joined() + "\r\n"],
        ])
        for answer in answers { #expect(answer.status != 200, "\(answer.status)") }
        #expect(try served.ask("/feeds/sam.ics").status == 200)
    }

    @Test func sigtermStopsTheServerCleanly() throws {
        let served = try ServedSeries(workspace)
        #expect(try served.ask("/feeds/sam.ics").status == 200)
        let second = try workspace.rt(["serve", "--listen", "127.0.0.1:\(served.port)"])
        #expect(second.status == 69)
        #expect(second.stderr.hasPrefix("roundtable-serve: error: cannot serve on 127.0.0.1:\(served.port): "), "\(second.stderr)")
        #expect(served.server.terminate() == 0)
        #expect(served.log.contains("listening on http://127.0.0.1:\(served.port)/"))
        #expect(served.log.contains("GET /feeds/sam.ics 200"))
    }

    @Test func serveWithoutTheServerBesideItSaysSoAndExits69() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("roundtable").path
        try FileManager.default.copyItem(atPath: roundtableBinary, toPath: copy)
        let run = try peer("/usr/bin/env", ["ROUNDTABLE_SCHEDULE=\(bundledSchedule)", "ROUNDTABLE_STATE=\(workspace.env["ROUNDTABLE_STATE"]!)",
                                            copy, "serve"])
        #expect(run.status == 69)
        #expect(run.stderr.contains("roundtable-serve, which is not installed beside roundtable"), "\(run.stderr)")
    }
}
