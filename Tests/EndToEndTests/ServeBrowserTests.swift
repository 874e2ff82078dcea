import Foundation
import Testing
import TestSupport

/// Selenium (in the venv `make deps` builds in .build-selenium) and Debian's chromium-driver.
private let seleniumPython = repositoryRoot.appendingPathComponent(".build-selenium/bin/python3").path

/// A member answers by her link in a real browser, and `status` shows it.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: seleniumPython) && FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver"),
                "needs `make deps` (Selenium in .build-selenium, chromium-driver)"))
struct ServeBrowserTests {
    @Test func aMemberAnswersByHerLinkInChromiumAndStatusShowsIt() throws {
        let workspace = try Workspace(["ROUNDTABLE_NOW": "2012-11-28T09:00:00Z"])
        #expect(try workspace.seed().status == 0)
        #expect(try workspace.rt(["invite", "rt5", "--outbox", workspace.folder.appendingPathComponent("outbox").path]).status == 0)
        let link = try workspace.rt(["member", "link", "sam"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let path = "/m/" + (link.split(separator: "/").last.map(String.init) ?? "")
        let served = try ServedSeries(workspace)
        // ROUNDTABLE_SCREENSHOTS=docs refreshes the pictures in docs/.
        let shots = ProcessInfo.processInfo.environment["ROUNDTABLE_SCREENSHOTS"].map { [$0] } ?? []
        let run = try peer(seleniumPython, [peerScript("browser_answer.py"), "http://127.0.0.1:\(served.port)", path, "rt5"] + shots,
                           timeout: 120)
        #expect(run.status == 0, "\(run.stderr)")
        let result = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(result["before"] as? String == "Your answer: no answer")
        #expect(result["notice"] as? String == "Your answer is recorded.")
        #expect(result["after"] as? String == "Your answer: accepted")
        #expect(result["seriesTitle"] as? String == "AJC pilot learning group: provider development")
        for alert in ["alertBefore", "alertAfter", "alertSeries"] { #expect(result[alert] as? Bool == false, "\(alert)") }
        #expect((result["csp"] as? [String] ?? ["?"]).isEmpty, "\(result["csp"] ?? "")")
        #expect((result["pageWidth"] as? Int ?? 9999) <= (result["windowWidth"] as? Int ?? 0), "wider than a phone: \(result)")
        let status = try workspace.rt(["status", "rt5"])
        #expect(status.stdout.contains("Sam Patel                accepted (on the web)"), "\(status.stdout)")
    }
}
