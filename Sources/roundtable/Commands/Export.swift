import ArgumentParser
import Foundation
import ICalendar
import RoundTableCore

extension RoundTable {
    /// `roundtable export`: the series as an iCalendar feed (METHOD:PUBLISH).
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Export sessions and deadlines as an iCalendar feed.",
            discussion: """
                With --dir, writes <series>.ics and one <member>.ics per member, ready for any web server; \
                a feed whose content is unchanged (apart from its DTSTAMPs) is left as it is, file time \
                included, so the server's ETags stay as they were. With -s naming a folder of schedules, \
                --dir is required and each series gets its own subfolder, <dir>/<series>/; <dir>/.roundtable-export \
                then records what each series' feeds were made of, so that a series unchanged since is not built again.
                """)

        @OptionGroup var options: CommonOptions

        @Option(name: .shortAndLong, help: "Write the feed to this file (default: standard output).")
        var output: String?

        @Option(help: "Only what concerns this member: their sessions and the deadlines they own.", completion: Completions.members)
        var member: String?

        @Option(help: "Write the series feed and one feed per member into this folder.")
        var dir: String?

        @Flag(name: .customLong("no-todos"), help: "Leave out the VTODO copies of deadlines.")
        var noTodos = false

        func run() throws {
            let folder = try options.namesFolder()
            if folder {
                guard let dir, output == nil, member == nil else {
                    throw ValidationError("With a folder of schedules, export writes feeds into a folder: pass --dir DIR (and no -o or --member).")
                }
                try writeOrganisation(try options.loadAll(), into: dir)
                return
            }
            let context = try options.load()
            let selected = try member.map(context.member)
            if let dir {
                let feeds = try writeFeeds(of: context, into: dir, only: selected)
                for feed in feeds where feed.changed { print("wrote \(feed.path)") }
                print("\(dir): \(Self.changed(feeds))")
            } else if let output {
                try TextFile.write(try context.feed(includeTodos: !noTodos).calendar(for: selected).serialized(), to: output, what: Self.output)
            } else {
                print(try context.feed(includeTodos: !noTodos).calendar(for: selected).serialized(), terminator: "")
            }
        }

        /// The series feed and one per member (or only the selected member's), as files in `folder`;
        /// a file that already says the same (apart from DTSTAMPs) is not written again.
        private func writeFeeds(of context: Context, into folder: String, only selected: Member?) throws -> [(path: String, changed: Bool)] {
            let feeds: [Member?] = selected.map { [$0] } ?? Self.everyFeed(of: context.schedule)
            return try Self.write(feeds, of: context.feed(includeTodos: !noTodos), into: folder)
        }

        /// The series feed (nil) and one per member, in the order they are written and reported.
        private static func everyFeed(of schedule: Schedule) -> [Member?] {
            [nil] + schedule.members.map { $0 }
        }

        /// `<member or series id>.ics`.
        private static func fileName(of feed: Member?, in schedule: Schedule) -> String {
            (feed?.id ?? schedule.series.id) + ".ics"
        }

        /// `flushed: false` leaves the flush to the caller, once for every series (`TextFile.write`).
        private static func write(_ feeds: [Member?], of builder: FeedBuilder, into folder: String,
                                  flushed: Bool = true) throws -> [(path: String, changed: Bool)] {
            let texts = try builder.texts(for: feeds)
            return try zip(feeds, texts).map { feed, text in
                let path = try TextFile.path(named: fileName(of: feed, in: builder.schedule), in: folder)
                // A file that cannot be read as text (or is not there) is simply written anew.
                if let old = try? TextFile.read(path), CalendarText.sameApartFromStamps(old, text) {
                    return (path, false)
                }
                try TextFile.write(text, to: path, what: "the feed", flushed: flushed)
                return (path, true)
            }
        }

        /// Every series' feeds into `dir/<series>/`, the series spread over every core and reported in
        /// the schedules' order. A series whose feeds `dir`'s `ExportManifest` shows to be made of
        /// exactly what they would be made of now, and untouched since, is not built at all; any other
        /// is built and compared with its files as a single series is. If one series fails, those
        /// before it are reported and the error ends the run (others may have been written meanwhile:
        /// they are correct, and the next run finds them so); the manifest is then left as it was.
        private func writeOrganisation(_ contexts: [Context], into dir: String) throws {
            let before = try ExportManifest.read(in: dir)
            let environments = FeedEnvironment.describing(zones: Set(contexts.map(\.schedule.series.timezone)))
            let includeTodos = !noTodos
            let work = contexts.map { context in
                (builder: context.feed(includeTodos: includeTodos), text: context.loaded.text, records: context.records)
            }
            let results = work.concurrentMap { series in
                Result { () throws -> (folder: String, feeds: [(path: String, changed: Bool)], entry: ExportManifest.Entry?) in
                    let schedule = series.builder.schedule
                    let folder = try TextFile.path(named: schedule.series.id, in: dir)
                    let feeds = Self.everyFeed(of: schedule)
                    let names = feeds.map { Self.fileName(of: $0, in: schedule) }
                    let fingerprint = environments.map {
                        FeedFingerprint.of(scheduleText: series.text, records: series.records, includeTodos: includeTodos,
                                           environment: $0[schedule.series.timezone]!)
                    }
                    if let fingerprint, let entry = before.series[schedule.series.id],
                       entry.stillDescribes(fingerprint: fingerprint, names: names, in: folder) {
                        return (folder, names.map { ((folder as NSString).appendingPathComponent($0), false) }, entry)
                    }
                    let written = try Self.write(feeds, of: series.builder, into: folder, flushed: false)
                    let entry = try fingerprint.map { fingerprint in
                        ExportManifest.Entry(fingerprint: fingerprint, files: try zip(names, written).map { name, feed in
                            guard let stamp = ExportManifest.FileStamp.of(feed.path) else {
                                throw RoundTableError.cannotWrite(path: feed.path, reason: "it is not there after writing it")
                            }
                            return (name, stamp)
                        })
                    }
                    return (folder, written, entry)
                }
            }
            var after = ExportManifest()
            var folders = [dir]
            for (context, result) in zip(contexts, results) {
                let series = try result.get()
                print("\(series.folder): \(Self.changed(series.feeds))")
                after.series[context.schedule.series.id] = series.entry
                folders.append(series.folder)
            }
            // The feeds are on disk before the manifest that vouches for them.
            try TextFile.flush(folders: folders)
            if environments != nil { try after.write(in: dir) }
        }

        /// "3 of 11 feeds changed".
        private static func changed(_ feeds: [(path: String, changed: Bool)]) -> String {
            "\(feeds.count { $0.changed }) of \(Plural.count(feeds.count, "feed")) changed"
        }
    }
}

extension RoundTable.Export: NamedOutput {
    static let output = "the calendar"
}
