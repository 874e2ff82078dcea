import Foundation
import Testing
import TestSupport

/// `roundtable serve`'s pages through a real HTTP client: the series page, a member's page at
/// her secret link, and an answer posted from it; and the hostile cases (guessed and revoked
/// links, path traversal, a GET-only scanner, a forged form, markup in the schedule).
@Suite struct ServePagesTests {
    private let workspace: Workspace

    init() throws {
        workspace = try Workspace(["ROUNDTABLE_NOW": "2012-11-28T09:00:00Z"])
        #expect(try workspace.seed().status == 0)
    }

    /// `member link` for `member`: the token at the end of the link it printed.
    private func link(_ member: String, rotate: Bool = false) throws -> String {
        let run = try workspace.rt(["member", "link", member, "--base-url", "https://example.org/rt/"] + (rotate ? ["--rotate"] : []))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("https://example.org/rt/m/"), "\(run.stdout)")
        return String(run.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "/").last ?? "")
    }

    /// The page parsed by html5lib's strict parser (check_html.py): every parse error fails.
    private func parsed(_ html: String) throws -> [String: Any] {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("page.html")
        try html.write(to: file, atomically: true, encoding: .utf8)
        let run = try peer("/usr/bin/python3", [peerScript("check_html.py"), file.path])
        #expect(run.status == 0, "\(run.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    @Test func aLinkOpensHerPageOnlyUntilItIsRotated() throws {
        let token = try link("sam")
        #expect(token.count == 22)
        let again = try workspace.rt(["member", "link", "sam"])
        #expect(again.status == 65)
        #expect(again.stderr.contains("--rotate"), "\(again.stderr)")
        let served = try ServedSeries(workspace)
        let page = try served.ask("/m/\(token)")
        #expect(page.status == 200)
        #expect(page.body.contains("<h1>Sam Patel</h1>"))
        #expect(page.headers["referrer-policy"] == "no-referrer")
        #expect(page.headers["cache-control"] == "no-store")
        let policy = try #require(page.headers["content-security-policy"])
        #expect(policy.contains("style-src 'sha256-") && policy.contains("default-src 'none'") && !policy.contains("unsafe"), "\(policy)")
        #expect((try parsed(page.body)["scripts"] as? Int) == 0)
        let rotated = try link("sam", rotate: true)
        #expect(rotated != token)
        Thread.sleep(forTimeInterval: 1.3)
        #expect(try served.ask("/m/\(token)").status == 404)
        #expect(try served.ask("/m/\(rotated)").status == 200)
        // Nothing of either link reaches the log or the state.
        #expect(served.server.terminate() == 0)
        #expect(served.log.contains("GET /m/… 200"), "\(served.log)")
        for secret in [token, rotated] {
            #expect(!served.log.contains(secret))
            let state = try Data(contentsOf: URL(fileURLWithPath: workspace.env["ROUNDTABLE_STATE"]!))
            #expect(state.range(of: Data(secret.utf8)) == nil)
        }
    }

    @Test func guessedMalformedAndTraversingPathsFindNothing() throws {
        _ = try link("sam")
        let served = try ServedSeries(workspace)
        let guesses = (0..<20).map { _ in
            "/m/" + String((0..<22).map { _ in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".randomElement()! })
        }
        for path in guesses + ["/m/", "/m/sam", "/m/..%2F..%2Fstate.sqlite", "/feeds/..%2Fstate.sqlite", "/feeds/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                               "/../../../etc/passwd", "/feeds/../../schedules/ajc-2012.yaml"] {
            let answer = try served.ask(path)
            #expect([400, 404].contains(answer.status), "\(path): \(answer.status)")
            #expect(!answer.body.contains("root:") && !answer.body.contains("series:"), "\(path)")
        }
        // Each refusal is in the access log, and no guess is.
        #expect(served.server.terminate() == 0)
        #expect(served.log.contains("GET /m/… 404"), "\(served.log)")
        for guess in guesses { #expect(!served.log.contains(guess.dropFirst(3))) }
    }

    @Test func aMemberAnswersOnHerPageAndStatusShowsIt() throws {
        #expect(try workspace.rt(["invite", "rt5", "--outbox", workspace.folder.appendingPathComponent("outbox").path]).status == 0)
        let token = try link("sam")
        let served = try ServedSeries(workspace)
        let page = try served.ask("/m/\(token)")
        let action = "/m/\(token)/answer/rt5"
        #expect(page.body.contains("<form method=\"post\" action=\"\(action)\">"), "\(page.body)")
        let form = try #require(page.body.firstMatch(of: /name="form" value="([0-9a-f]{64})"/)?.output.1)
        // A link scanner that only GETs records nothing.
        #expect(try served.ask(action).status == 405)
        #expect(try served.ask(action, method: "HEAD").status == 405)
        // A form without the page's token, or posted from another site, records nothing.
        let post = ["Content-Type": "application/x-www-form-urlencoded"]
        #expect(try served.ask(action, method: "POST", headers: post, body: "answer=ACCEPTED").status == 403)
        #expect(try served.ask(action, method: "POST", headers: post, body: "form=\(String(repeating: "0", count: 64))&answer=ACCEPTED").status == 403)
        #expect(try served.ask(action, method: "POST", headers: post.merging(["Origin": "https://evil.example"]) { $1 },
                               body: "form=\(form)&answer=ACCEPTED").status == 403)
        #expect(try served.ask(action, method: "POST", headers: post, body: "form=\(form)&answer=DELEGATED").status == 400)
        #expect(try served.ask(action, method: "POST", headers: post,
                               body: "form=\(form)&answer=ACCEPTED&x=" + String(repeating: "x", count: 20_000)).status == 413)
        #expect(try workspace.rt(["status", "rt5"]).stdout.contains("Sam Patel                no answer"))
        let answered = try served.ask(action, method: "POST", headers: post.merging(["Origin": "http://127.0.0.1:\(served.port)"]) { $1 },
                                      body: "form=\(form)&answer=ACCEPTED")
        #expect(answered.status == 303)
        #expect(answered.headers["location"] == "/m/\(token)?answered=rt5#session-rt5")
        let status = try workspace.rt(["status", "rt5"])
        #expect(status.stdout.contains("Sam Patel                accepted (on the web)"), "\(status.stdout)")
        #expect(try served.ask("/m/\(token)?answered=rt5").body.contains("Your answer: <strong>accepted</strong>"))
    }

    @Test func theSeriesPageLeadsWithTheNextSessionAndHowToSubscribe() throws {
        let served = try ServedSeries(workspace)
        let page = try served.ask("/", headers: ["Host": "127.0.0.1:\(served.port)"])
        #expect(page.status == 200)
        #expect(page.headers["content-type"] == "text/html; charset=utf-8")
        let html = try parsed(page.body)
        #expect((html["scripts"] as? Int) == 0)
        let text = try #require(html["text"] as? String)
        #expect(text.contains("Next session rt5: "), "\(text.prefix(600))")
        #expect(page.body.contains("<dt>Where</dt><dd>Luton</dd>"))
        #expect(page.body.contains("href=\"webcal://127.0.0.1:\(served.port)/feeds/ajc-plg-2012.ics\""))
        #expect(page.body.contains("<code>http://127.0.0.1:\(served.port)/feeds/ajc-plg-2012.ics</code>"))
        let proxied = try served.ask("/", headers: ["Host": "example.org", "X-Forwarded-Proto": "https"])
        #expect(proxied.body.contains("<code>https://example.org/feeds/ajc-plg-2012.ics</code>"))
        // The report's timeline with its table, as `report --html --public` has them.
        #expect(page.body.contains("<caption>The timeline as a table</caption>"))
    }

    @Test func theBaseURLNamesTheLinksBehindAProxy() throws {
        let served = try ServedSeries(workspace, arguments: ["--base-url", "https://example.org/rt/"])
        let page = try served.ask("/", headers: ["Host": "evil.example"])
        #expect(page.body.contains("href=\"webcal://example.org/rt/feeds/ajc-plg-2012.ics\""))
        #expect(!page.body.contains("evil.example"))
    }

    @Test func markupInTheScheduleIsShownAsText() throws {
        let hostile = "<script>alert(1)</script>\\\"><img src=x onerror=alert(2)>"
        let plan = try scheduleCopy(replacing: [
            ("location: Luton", "location: \"Luton \(hostile)\""),
            ("name: Sam Patel", "name: \"Sam \(hostile)\""),
            ("subject: \"Influences", "subject: \"\(hostile) Influences"),
        ])
        let hostileSpace = try Workspace(["ROUNDTABLE_NOW": "2012-11-28T09:00:00Z", "ROUNDTABLE_SCHEDULE": plan])
        #expect(try hostileSpace.seed().status == 0)
        #expect(try hostileSpace.rt(["invite", "rt5", "--outbox", hostileSpace.folder.appendingPathComponent("outbox").path]).status == 0)
        let run = try hostileSpace.rt(["member", "link", "sam"])
        let token = String(run.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "/").last ?? "")
        let served = try ServedSeries(hostileSpace)
        for path in ["/", "/m/\(token)"] {
            let page = try served.ask(path)
            #expect(page.status == 200, "\(path)")
            #expect(!page.body.contains("<script") && !page.body.contains("<img src=x"), "\(path)")
            #expect(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(path)")
            #expect((try parsed(page.body)["scripts"] as? Int) == 0, "\(path)")
        }
    }
}
