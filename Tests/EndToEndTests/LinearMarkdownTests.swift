import Foundation
import Testing
import TestSupport

/// Whatever a rapporteur writes, `report --html` renders it in time linear in its size: a line
/// of brackets (which made the old renderer backtrack, its time doubling per bracket, and
/// overflow its stack at 10,000) is shown as the brackets it is, at once.
@Suite struct LinearMarkdownTests {
    /// `point` as the first technical learning point of rt4, and the report's HTML page.
    private func report(withPoint point: String) throws -> (run: Run, seconds: Double) {
        let writeups = try temporaryDirectory()
        let workspace = try Workspace(["ROUNDTABLE_WRITEUPS": writeups.path])
        #expect(try workspace.seed().status == 0)
        #expect(try workspace.rt(["writeup", "rt4", "--as-of", "2012-11-26"]).status == 0)
        let file = writeups.appendingPathComponent("rt4.md")
        let skeleton = try String(contentsOf: file, encoding: .utf8)
        try skeleton.replacingOccurrences(of: "### Technical issues\n\n- ", with: "### Technical issues\n\n- \(point)")
            .write(to: file, atomically: true, encoding: .utf8)
        let start = Date()
        let run = try roundtable(["report", "--html", "--as-of", "2012-11-26"], environment: workspace.env,
                                 wrapper: hardLimits(addressSpaceMiB: 4096, seconds: 60))
        return (run, Date().timeIntervalSince(start))
    }

    @Test(arguments: [30, 10_000])
    func aLineOfBracketsRendersQuicklyAsBrackets(count: Int) throws {
        let (run, seconds) = try report(withPoint: "Open " + String(repeating: "[", count: count) + " close")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("<li>Open " + String(repeating: "[", count: count) + " close"))
        #expect(seconds < 10, "took \(seconds) s")
    }

    /// Found by fuzz-report: removing an unsafe image freed the unsafe image inside it, which
    /// was then visited again, and the rendering hung.
    @Test func unsafeImagesAndLinksInsideEachOtherAreDropped() throws {
        let (run, _) = try report(withPoint: "See ![i[i](data:x)](data:x) and [a [b](javascript:x) c](javascript:y) now")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("<li>See  and "), "\(run.stdout.split(separator: "\n").filter { $0.contains("See") })")
        #expect(!run.stdout.contains("<img") && !run.stdout.contains("href=\"javascript"))
    }

    @Test func nestedLinksAndEmphasisRenderQuicklyAndKeepTheirMeaning() throws {
        let deep = String(repeating: "[*a ", count: 5000) + String(repeating: "*](https://example.org)", count: 5000)
        let (run, seconds) = try report(withPoint: "See [the guide](https://example.org/guide), *carefully*. " + deep)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("See <a href=\"https://example.org/guide\">the guide</a>, <em>carefully</em>. "))
        #expect(seconds < 10, "took \(seconds) s")
    }
}
