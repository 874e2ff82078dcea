import Foundation
import Testing
import TestSupport

/// `export --dir` over a folder of schedules, run again: a series whose feeds are made of the
/// same as last time is not rebuilt (the manifest `.roundtable-export` says so), and anything
/// else (a changed schedule, a new record, another option, a feed deleted or edited by hand, a
/// damaged manifest) gives the feeds a fresh export into an empty folder gives.
@Suite struct OrganisationExportTests {
    private let folder: URL
    private let schedules: URL
    private let feeds: URL
    private let env: [String: String]
    private static let series = ["ajc-plg-2012", "ajc-second-2012"]
    private static let members = ["coord", "priya", "tom", "grace", "dan", "helen", "sam", "ruth", "eoin", "zoe"]

    init() throws {
        folder = try temporaryDirectory()
        schedules = folder.appendingPathComponent("schedules")
        feeds = folder.appendingPathComponent("feeds")
        try FileManager.default.createDirectory(at: schedules, withIntermediateDirectories: true)
        let ajc = try String(contentsOf: repositoryRoot.appendingPathComponent("schedules/ajc-2012.yaml"), encoding: .utf8)
        try ajc.write(to: schedules.appendingPathComponent("ajc.yaml"), atomically: true, encoding: .utf8)
        try ajc.replacingOccurrences(of: "id: ajc-plg-2012", with: "id: ajc-second-2012")
            .write(to: schedules.appendingPathComponent("second.yaml"), atomically: true, encoding: .utf8)
        // One instant for every run: feeds written at different times differ only in DTSTAMPs,
        // which an unchanged feed keeps; with one instant a fresh export must match byte for byte.
        env = ["ROUNDTABLE_STATE": folder.appendingPathComponent("state.sqlite").path,
               "ROUNDTABLE_NOW": "2012-11-26T09:00:00Z"]
        let seeded = try roundtable(["import", "-s", schedules.appendingPathComponent("ajc.yaml").path, bundledSeeds], environment: env)
        #expect(seeded.status == 0, "\(seeded.stderr)")
    }

    private func export(into dir: URL, _ options: [String] = []) throws -> Run {
        let run = try roundtable(["export", "-s", schedules.path, "--dir", dir.path] + options, environment: env)
        #expect(run.status == 0, "\(run.stderr)")
        return run
    }

    /// Every file under `dir` (the manifest included), by path relative to it.
    private func files(in dir: URL) throws -> [String: URL] {
        var files: [String: URL] = [:]
        for series in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
            let sub = dir.appendingPathComponent(series)
            guard (try? FileManager.default.contentsOfDirectory(atPath: sub.path)) != nil else {
                files[series] = sub
                continue
            }
            for name in try FileManager.default.contentsOfDirectory(atPath: sub.path) {
                files[series + "/" + name] = sub.appendingPathComponent(name)
            }
        }
        return files
    }

    private func modificationDates(in dir: URL) throws -> [String: Date] {
        try files(in: dir).mapValues { try #require(try FileManager.default.attributesOfItem(atPath: $0.path)[.modificationDate] as? Date) }
    }

    /// The feeds in `feeds` are, byte for byte, those a first export into an empty folder writes now.
    private func expectFeedsAsFromScratch(_ options: [String] = [], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let fresh = folder.appendingPathComponent("fresh-\(UUID().uuidString)")
        _ = try export(into: fresh, options)
        let expected = try files(in: fresh).filter { $0.key != ".roundtable-export" }
        let found = try files(in: feeds).filter { $0.key != ".roundtable-export" }
        #expect(found.keys.sorted() == expected.keys.sorted(), sourceLocation: sourceLocation)
        for (name, url) in expected {
            let written = try found[name].map { try Data(contentsOf: $0) }
            #expect(written == (try Data(contentsOf: url)), "\(name) differs from a fresh export", sourceLocation: sourceLocation)
        }
    }

    private func summary(_ series: String, changed: Int) -> String {
        "\(feeds.path)/\(series): \(changed) of 11 feeds changed\n"
    }

    /// Feeds are replaced through a file beside them, flushed once per run: a feed a web server
    /// was given other permissions keeps them, a new feed gets the umask's, and nothing else is
    /// left in the folder.
    @Test func aRewrittenFeedKeepsItsPermissionsAndNoTemporaryFileIsLeft() throws {
        _ = try export(into: feeds)
        let feed = feeds.appendingPathComponent("ajc-plg-2012/ajc-plg-2012.ics").path
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: feed)
        try "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".write(toFile: feed, atomically: false, encoding: .utf8)
        let other = feeds.appendingPathComponent("ajc-plg-2012/coord.ics").path
        try FileManager.default.removeItem(atPath: other)
        let run = try export(into: feeds)
        #expect(run.stdout == summary("ajc-plg-2012", changed: 2) + summary("ajc-second-2012", changed: 0))
        let mode = { (path: String) in try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) }
        #expect(try mode(feed) == 0o640)
        let mask = umask(0o022)
        umask(mask)
        #expect(try mode(other) == 0o666 & ~Int(mask))
        try expectFeedsAsFromScratch()
    }

    @Test func aSecondRunRewritesNothingAndSaysSo() throws {
        let first = try export(into: feeds)
        #expect(first.stdout == summary("ajc-plg-2012", changed: 11) + summary("ajc-second-2012", changed: 11))
        let written = try files(in: feeds)
        #expect(Set(written.keys) == Set([".roundtable-export"] + Self.series.flatMap { series in
            ([series] + Self.members).map { "\(series)/\($0).ics" }
        }))
        // Back-dated, so a rewrite could not go unnoticed within the file system's time resolution.
        let past = Date(timeIntervalSince1970: 1_300_000_000)
        for url in written.values { try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: url.path) }

        // The first run recorded the times it left; back-dating changed them, so this run compares.
        let compared = try export(into: feeds)
        #expect(compared.stdout == summary("ajc-plg-2012", changed: 0) + summary("ajc-second-2012", changed: 0))
        #expect(try modificationDates(in: feeds).filter { $0.key != ".roundtable-export" }.values.allSatisfy { $0 == past })

        let manifest = try modificationDates(in: feeds)[".roundtable-export"]
        let skipped = try export(into: feeds)
        #expect(skipped.stdout == compared.stdout)
        #expect(try modificationDates(in: feeds).filter { $0.key != ".roundtable-export" }.values.allSatisfy { $0 == past })
        #expect(try modificationDates(in: feeds)[".roundtable-export"] == manifest, "an unchanged run leaves the manifest too")
        try expectFeedsAsFromScratch()
    }

    @Test func aChangedScheduleRebuildsItsSeriesOnly() throws {
        _ = try export(into: feeds)
        let second = schedules.appendingPathComponent("second.yaml")
        let text = try String(contentsOf: second, encoding: .utf8)
        try text.replacingOccurrences(of: "title: \"AJC pilot", with: "title: \"Second pilot").write(to: second, atomically: true, encoding: .utf8)
        let run = try export(into: feeds)
        #expect(run.stdout == summary("ajc-plg-2012", changed: 0) + summary("ajc-second-2012", changed: 11))
        try expectFeedsAsFromScratch()
    }

    @Test(arguments: [
        ["action", "add", "--session", "rt4", "--owner", "dan", "--text", "Share the tender timetable"],
        ["advance", "rt4", "writeup", "--on", "2012-11-26", "--as-of", "2012-11-26"],
    ])
    func aNewRecordRebuildsTheFeedsItConcerns(command: [String]) throws {
        _ = try export(into: feeds)
        let recorded = try roundtable(command + ["-s", schedules.appendingPathComponent("ajc.yaml").path], environment: env)
        #expect(recorded.status == 0, "\(recorded.stderr)")
        let run = try export(into: feeds)
        #expect(run.stdout.hasSuffix(summary("ajc-second-2012", changed: 0)))
        #expect(!run.stdout.hasPrefix(summary("ajc-plg-2012", changed: 0)), "\(run.stdout)")
        try expectFeedsAsFromScratch()
    }

    @Test func anotherOptionRebuildsEverySeries() throws {
        _ = try export(into: feeds)
        let run = try export(into: feeds, ["--no-todos"])
        // Every feed with a deadline in it loses its VTODOs; a member who owns none keeps hers.
        #expect(run.stdout == summary("ajc-plg-2012", changed: 9) + summary("ajc-second-2012", changed: 8))
        try expectFeedsAsFromScratch(["--no-todos"])
    }

    @Test func aDeletedFeedIsWrittenAgain() throws {
        _ = try export(into: feeds)
        try FileManager.default.removeItem(at: feeds.appendingPathComponent("ajc-second-2012/tom.ics"))
        let run = try export(into: feeds)
        #expect(run.stdout == summary("ajc-plg-2012", changed: 0) + summary("ajc-second-2012", changed: 1))
        try expectFeedsAsFromScratch()
    }

    @Test func aFeedEditedByHandIsWrittenAgainEvenAtTheSameSize() throws {
        _ = try export(into: feeds)
        let tom = feeds.appendingPathComponent("ajc-plg-2012/tom.ics")
        let text = try String(contentsOf: tom, encoding: .utf8)
        let edited = text.replacingOccurrences(of: "SUMMARY:", with: "SUMMARX:")
        #expect(edited != text && edited.utf8.count == text.utf8.count)
        try edited.write(to: tom, atomically: false, encoding: .utf8)
        let run = try export(into: feeds)
        #expect(run.stdout == summary("ajc-plg-2012", changed: 1) + summary("ajc-second-2012", changed: 0))
        try expectFeedsAsFromScratch()
    }

    @Test func aFeedEditedInPlaceWithItsSizeTimeAndInodeKeptIsWrittenAgain() throws {
        _ = try export(into: feeds)
        let tom = feeds.appendingPathComponent("ajc-plg-2012/tom.ics")
        var before = stat()
        #expect(stat(tom.path, &before) == 0)
        let text = try Data(contentsOf: tom)
        let edited = Data(String(decoding: text, as: UTF8.self).replacingOccurrences(of: "SUMMARY:", with: "SUMMARX:").utf8)
        #expect(edited != text && edited.count == text.count)
        // Written over in place (no truncation, same inode), then its times set back to the nanosecond.
        let handle = try FileHandle(forWritingTo: tom)
        try handle.write(contentsOf: edited)
        try handle.close()
        var times = [before.st_atim, before.st_mtim]
        #expect(utimensat(AT_FDCWD, tom.path, &times, 0) == 0)
        var after = stat()
        #expect(stat(tom.path, &after) == 0)
        #expect(after.st_size == before.st_size && after.st_ino == before.st_ino)
        #expect(after.st_mtim.tv_sec == before.st_mtim.tv_sec && after.st_mtim.tv_nsec == before.st_mtim.tv_nsec)

        let run = try export(into: feeds)
        #expect(run.stdout == summary("ajc-plg-2012", changed: 1) + summary("ajc-second-2012", changed: 0))
        try expectFeedsAsFromScratch()
    }

    @Test func aManifestOfTheEarlierFormatMeansEveryFeedIsComparedOnce() throws {
        _ = try export(into: feeds)
        let record = feeds.appendingPathComponent(".roundtable-export")
        // What the previous version wrote: the same lines without the status-change time.
        let earlier = try String(contentsOf: record, encoding: .utf8).split(separator: "\n").enumerated().map { index, line in
            index == 0 ? "roundtable export manifest 1"
                : line.split(separator: " ").enumerated().map { $0.offset < 2 ? String($0.element) : String($0.element.split(separator: ":").dropLast().joined(separator: ":")) }
                    .joined(separator: " ")
        }.joined(separator: "\n") + "\n"
        try earlier.write(to: record, atomically: true, encoding: .utf8)
        let run = try export(into: feeds)
        #expect(run.stdout == summary("ajc-plg-2012", changed: 0) + summary("ajc-second-2012", changed: 0))
        try expectFeedsAsFromScratch()
        #expect(try String(contentsOf: record, encoding: .utf8).hasPrefix("roundtable export manifest 2\n"))
        #expect(try export(into: feeds).stdout == run.stdout)
    }

    @Test(arguments: [[], Array("roundtable export manifest 1\nnot a manifest line at all\n".utf8),
                      Array("roundtable export manifest 9\n".utf8), [0xFF, 0xFE, 0x00, 0x0A]])
    func aDamagedManifestMeansEveryFeedIsComparedAgain(manifest: [UInt8]) throws {
        _ = try export(into: feeds)
        let record = feeds.appendingPathComponent(".roundtable-export")
        let kept = try String(contentsOf: record, encoding: .utf8)
        // A feed spoilt at the same time as the manifest.
        let coord = feeds.appendingPathComponent("ajc-second-2012/coord.ics")
        try "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".write(to: coord, atomically: true, encoding: .utf8)
        try Data(manifest).write(to: record)
        let run = try export(into: feeds)
        #expect(run.stdout == summary("ajc-plg-2012", changed: 0) + summary("ajc-second-2012", changed: 1))
        try expectFeedsAsFromScratch()
        let rewritten = try String(contentsOf: record, encoding: .utf8)
        #expect(rewritten.hasPrefix("roundtable export manifest 2\najc-plg-2012 ") && rewritten != kept)
    }
}
