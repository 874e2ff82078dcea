import Foundation
import Testing
import TestSupport

/// From "round table held" to "findings in every member's inbox": writeup, edit, advance, disseminate.
@Suite struct DisseminateTests {
    private let workspace: Workspace
    private var folder: URL { workspace.folder }

    init() throws {
        var workspace = try Workspace()
        workspace.env["ROUNDTABLE_WRITEUPS"] = workspace.folder.appendingPathComponent("writeups").path
        self.workspace = workspace
        #expect(try workspace.seed().status == 0)
    }

    @Test func theFindingsReachEveryMemberOnceEvenWhenRunTwice() throws {
        #expect(try workspace.rt(["writeup", "rt4"]).status == 0)
        let path = folder.appendingPathComponent("writeups/rt4.md")
        let filled = try String(contentsOf: path, encoding: .utf8)
            .replacingOccurrences(of: "### Operational issues\n\n- ", with: "### Operational issues\n\n- Payment by results needs shared outcome data")
        try filled.write(to: path, atomically: true, encoding: .utf8)
        #expect(try workspace.rt(["advance", "rt4", "writeup", "--on", "2012-11-27"]).status == 0)
        let sink = try SMTPSink()
        let first = try workspace.rt(["disseminate", "rt4", "--as-of", "2012-11-28", "--transport", "smtp", "--allow-empty"], ["ROUNDTABLE_SMTP_URL": sink.url])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasSuffix("rt4: disseminate done 2012-11-28\n"))
        let mails = try ReceivedMail.read(try sink.messages())
        #expect(mails.count == 10)
        #expect(Set(mails.map(\.to)).count == 10)
        #expect(mails.allSatisfy { $0.problems.isEmpty && $0.subject.hasPrefix("[AJC pilot learning group: provider development] Findings: Round table: Balancing") })
        #expect(mails.allSatisfy { $0.plain?.contains("Payment by results needs shared outcome data") == true })
        #expect(mails.allSatisfy { $0.tree == ["multipart/mixed", "text/plain", "text/markdown"] })
        let second = try workspace.rt(["disseminate", "rt4", "--as-of", "2012-11-28", "--transport", "smtp", "--allow-empty"], ["ROUNDTABLE_SMTP_URL": sink.url])
        #expect(second.status == 65, "already recorded")
        #expect(try sink.messages().count == 10, "nothing sent twice")
    }

    @Test func aCoordinatorsFindingsTemplateWordsTheMessageAndTheWriteupFollowsIt() throws {
        #expect(try workspace.rt(["writeup", "rt4"]).status == 0)
        let path = folder.appendingPathComponent("writeups/rt4.md")
        let filled = try String(contentsOf: path, encoding: .utf8)
            .replacingOccurrences(of: "### Operational issues\n\n- ", with: "### Operational issues\n\n- Shared outcome data")
        try filled.write(to: path, atomically: true, encoding: .utf8)
        #expect(try workspace.rt(["advance", "rt4", "writeup", "--on", "2012-11-27"]).status == 0)
        let templates = folder.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try "{{% CONTENT_TYPE: TEXT}}\nHello {{recipient}}: what the {{kind}} in {{location}} agreed on {{agreed}}.\n"
            .write(to: templates.appendingPathComponent("findings.txt.mustache"), atomically: true, encoding: .utf8)
        let outbox = folder.appendingPathComponent("outbox")
        let run = try workspace.rt(["disseminate", "rt4", "--as-of", "2012-11-28", "--outbox", outbox.path, "--allow-empty"],
                                   ["ROUNDTABLE_TEMPLATES": templates.path])
        #expect(run.status == 0, "\(run.stderr)")
        let mails = try ReceivedMail.read(try FileManager.default.contentsOfDirectory(at: outbox, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "eml" })
        let tom = try #require(mails.first { $0.to.contains("Tom Whitfield") })
        let lines = (tom.plain ?? "").split(whereSeparator: \.isNewline)
        #expect(lines.prefix(2) == ["Hello Tom Whitfield: what the round table in Poole agreed on Tue 27 Nov.",
                                    "# Round table: Balancing operational and commercial interests in commissioning"], "\(tom.plain ?? "")")
    }

    @Test func anUntouchedSkeletonIsNotSent() throws {
        #expect(try workspace.rt(["writeup", "rt4"]).status == 0)
        #expect(try workspace.rt(["advance", "rt4", "writeup", "--on", "2012-11-27"]).status == 0)
        let before = try workspace.rt(["dump"]).stdout
        let run = try workspace.rt(["disseminate", "rt4", "--as-of", "2012-11-28", "--outbox", folder.appendingPathComponent("outbox").path])
        #expect(run.status == 65)
        #expect(run.stderr.contains("still the skeleton"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("outbox").path))
        #expect(try workspace.rt(["dump"]).stdout == before)
    }

    @Test func aWriteupNotYetAgreedIsNotSent() throws {
        let run = try workspace.rt(["disseminate", "rt4", "--as-of", "2012-11-28", "--outbox", folder.appendingPathComponent("outbox").path])
        #expect(run.status == 65)
        #expect(run.stderr.contains("not recorded as agreed"))
    }

    @Test func anExistingWriteupIsNeverOverwrittenWithoutForce() throws {
        #expect(try workspace.rt(["writeup", "rt4"]).status == 0)
        let path = folder.appendingPathComponent("writeups/rt4.md")
        try "my notes".write(to: path, atomically: true, encoding: .utf8)
        let run = try workspace.rt(["writeup", "rt4"])
        #expect(run.status == 65)
        #expect(try String(contentsOf: path, encoding: .utf8) == "my notes")
        #expect(try workspace.rt(["writeup", "rt4", "--force"]).status == 0)
        #expect(try String(contentsOf: path, encoding: .utf8).hasPrefix("# Round table: Balancing"))
    }

    @Test func theHTMLReportIsOnePageWithTheTimelineInside() throws {
        let page = folder.appendingPathComponent("report.html")
        let svg = folder.appendingPathComponent("timeline.svg")
        let run = try workspace.rt(["report", "--as-of", "2012-11-26", "--html", "-o", page.path, "--timeline", svg.path])
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<svg"))
        #expect(html.contains("<h2>rt4: Round table: Balancing operational and commercial interests in commissioning</h2>"))
        let parsed = try peer("/usr/bin/python3", ["-c", "import sys, xml.etree.ElementTree as E; r = E.parse(sys.argv[1]).getroot(); print(sum(1 for e in r.iter() if e.get('class') == 'session'))", svg.path])
        #expect(parsed.stdout == "7\n", "\(parsed.stderr)")
    }
}
