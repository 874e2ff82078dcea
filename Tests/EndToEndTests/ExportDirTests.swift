import Foundation
import Testing
import TestSupport

/// `export --dir` as a nightly job feeding a web server: only feeds whose content changed are
/// written, so unchanged files keep their times (and the server its ETags).
@Suite struct ExportDirTests {
    private let workspace: Workspace
    private let feeds: URL

    init() throws {
        workspace = try Workspace()
        feeds = workspace.folder.appendingPathComponent("feeds")
        #expect(try workspace.seed().status == 0)
    }

    private func export(at now: String) throws -> Run {
        try workspace.rt(["export", "--dir", feeds.path], ["ROUNDTABLE_NOW": now])
    }

    private func modificationDates() throws -> [String: Date] {
        var dates: [String: Date] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: feeds.path) {
            dates[name] = try FileManager.default.attributesOfItem(atPath: feeds.appendingPathComponent(name).path)[.modificationDate] as? Date
        }
        return dates
    }

    @Test func aSecondExportWritesNothingAndALaterChangeOnlyTheFeedsItConcerns() throws {
        let first = try export(at: "2012-11-26T09:00:00Z")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasSuffix("\(feeds.path): 11 of 11 feeds changed\n"), "\(first.stdout)")
        // Back-dated, so a rewrite could not go unnoticed within the file system's time resolution.
        let past = Date(timeIntervalSince1970: 1_300_000_000)
        for name in try FileManager.default.contentsOfDirectory(atPath: feeds.path) {
            try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: feeds.appendingPathComponent(name).path)
        }

        let again = try export(at: "2012-11-27T09:00:00Z")
        #expect(again.stdout == "\(feeds.path): 0 of 11 feeds changed\n")
        #expect(try modificationDates().values.allSatisfy { $0 == past })

        #expect(try workspace.rt(["action", "add", "--session", "rt4", "--owner", "dan", "--text", "Share the tender timetable"]).status == 0)
        let changed = try export(at: "2012-11-28T09:00:00Z")
        #expect(changed.stdout == "wrote \(feeds.path)/ajc-plg-2012.ics\nwrote \(feeds.path)/dan.ics\n\(feeds.path): 2 of 11 feeds changed\n")
        let dates = try modificationDates()
        #expect(dates.filter { $0.value != past }.keys.sorted() == ["ajc-plg-2012.ics", "dan.ics"])
        let dan = try String(contentsOf: feeds.appendingPathComponent("dan.ics"), encoding: .utf8)
        #expect(dan.contains("Share the tender timetable") && dan.contains("DTSTAMP:20121128T090000Z"))
    }
}
