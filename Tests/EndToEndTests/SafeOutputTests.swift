import Foundation
import Testing
import TestSupport

/// What reaches pages and screens: values from the schedule, the records and the write-ups never
/// become live HTML in the report, and a template folder that would recurse is refused.
@Suite struct SafeOutputTests {
    private let templates = repositoryRoot.appendingPathComponent("templates").path

    @Test func theHTMLReportShowsMarkupInDataAsTextAndDropsScriptLinks() throws {
        let path = try scheduleCopy(replacing: [
            ("title: \"AJC pilot learning group: provider development\"", "title: \"AJC <script>alert(1)</script> group\""),
            ("location: Poole", "location: \"Poole <img src=x onerror=alert(1)>\""),
        ])
        let workspace = try Workspace(["ROUNDTABLE_SCHEDULE": path, "ROUNDTABLE_TEMPLATES": templates,
                                       "ROUNDTABLE_WRITEUPS": try temporaryDirectory().path])
        #expect(try workspace.seed().status == 0)
        #expect(try workspace.rt(["action", "add", "--session", "rt4", "--owner", "dan", "--as-of", "2012-11-26",
                                  "--text", "Check a < b and [this](javascript:alert(3)) **now**"]).status == 0)
        let writeups = workspace.env["ROUNDTABLE_WRITEUPS"]!
        #expect(try workspace.rt(["writeup", "rt4", "--as-of", "2012-11-26"]).status == 0)
        let skeleton = try String(contentsOfFile: writeups + "/rt4.md", encoding: .utf8)
        try skeleton.replacingOccurrences(
            of: "### Technical issues\n\n- ",
            with: "### Technical issues\n\n- Read [the notes](javascript:alert(2)) and [the guide](https://example.org/guide) "
                + "<b onmouseover=alert(4)>now</b>, *carefully*")
            .write(toFile: writeups + "/rt4.md", atomically: true, encoding: .utf8)
        let page = workspace.folder.appendingPathComponent("report.html").path
        let run = try workspace.rt(["report", "--html", "-o", page, "--as-of", "2012-11-26"])
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOfFile: page, encoding: .utf8)
        for live in ["<script", "<img", "<b ", "href=\"javascript"] {
            #expect(!html.contains(live), "\(live) reached the page: \(html.split(separator: "\n").filter { $0.contains(live) })")
        }
        #expect(html.contains("AJC &lt;script&gt;alert(1)&lt;/script&gt; group"))
        #expect(html.contains("Poole &lt;img src=x onerror=alert(1)&gt;"))
        #expect(html.contains("Check a &lt; b and &#91;this&#93;(javascript:alert(3)) &#42;&#42;now&#42;&#42;"),
                "an action text is shown as written, its Markdown not read")
        #expect(html.contains("Read the notes and <a href=\"https://example.org/guide\">the guide</a>"))
        #expect(html.contains("<em>carefully</em>"), "learning points keep their Markdown")
        #expect(html.components(separatedBy: "<h2>").count - 1 == 8, "the still-open list and all seven sessions are headings")
    }

    @Test(arguments: [
        (["footer.mustache": "{{> footer}}"], "footer.mustache", "{{> footer}} → {{> footer}}"),
        (["a.mustache": "{{> b}}", "b.mustache": "x {{> a}}"], "a.mustache", "{{> a}} → {{> b}} → {{> a}}"),
    ])
    func aPartialThatIncludesItselfIsRefusedBeforeAnythingIsSent(partials: [String: String], file: String, chain: String) throws {
        let folder = try temporaryDirectory()
        for name in try FileManager.default.contentsOfDirectory(atPath: templates) {
            try FileManager.default.copyItem(atPath: templates + "/" + name, toPath: folder.appendingPathComponent(name).path)
        }
        for (name, text) in partials {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let reminder = folder.appendingPathComponent("reminder.txt.mustache")
        try (try String(contentsOf: reminder, encoding: .utf8) + "{{> \(file.replacingOccurrences(of: ".mustache", with: ""))}}\n")
            .write(to: reminder, atomically: true, encoding: .utf8)
        let workspace = try Workspace(["ROUNDTABLE_TEMPLATES": folder.path])
        #expect(try workspace.seed().status == 0)
        let outbox = workspace.folder.appendingPathComponent("outbox").path
        for command in [["remind", "--outbox", outbox], ["report"]] {
            let run = try workspace.rt(command + ["--as-of", "2012-11-26"], ["ROUNDTABLE_NOW": "2012-11-26T09:00:00Z"])
            #expect(run.status == 65, "\(command): \(run.stderr)")
            #expect(run.stderr.contains("it includes itself (\(chain))"), "\(run.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: outbox), "nothing sent")
    }
}
