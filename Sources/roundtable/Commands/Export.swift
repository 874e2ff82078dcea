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
                --dir is required and each series gets its own subfolder, <dir>/<series>/.
                """)

        @OptionGroup var options: CommonOptions

        @Option(name: .shortAndLong, help: "Write the feed to this file (default: standard output).")
        var output: String?

        @Option(help: "Only what concerns this member: their sessions and the deadlines they own.")
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
                for context in try options.loadAll() {
                    let into = try TextFile.path(named: context.schedule.series.id, in: dir)
                    let feeds = try writeFeeds(of: context, into: into, only: nil)
                    print("\(into): \(Self.changed(feeds))")
                }
                return
            }
            let context = try options.load()
            let selected = try member.map(context.member)
            if let dir {
                let feeds = try writeFeeds(of: context, into: dir, only: selected)
                for feed in feeds where feed.changed { print("wrote \(feed.path)") }
                print("\(dir): \(Self.changed(feeds))")
            } else if let output {
                try TextFile.write(try context.feed(includeTodos: !noTodos).calendar(for: selected).serialized(), to: output)
            } else {
                print(try context.feed(includeTodos: !noTodos).calendar(for: selected).serialized(), terminator: "")
            }
        }

        /// The series feed and one per member (or only the selected member's), as files in `folder`;
        /// a file that already says the same (apart from DTSTAMPs) is not written again.
        private func writeFeeds(of context: Context, into folder: String, only selected: Member?) throws -> [(path: String, changed: Bool)] {
            let builder = context.feed(includeTodos: !noTodos)
            let feeds: [(String, Member?)] = selected.map { [($0.id, $0)] }
                ?? [(context.schedule.series.id, nil)] + context.schedule.members.map { ($0.id, $0) }
        let texts = try builder.texts(for: feeds.map(\.1))
        return try zip(feeds, texts).map { feed, text in
            let path = try TextFile.path(named: feed.0 + ".ics", in: folder)
                // A file that cannot be read as text (or is not there) is simply written anew.
                if let old = try? TextFile.read(path), CalendarText.sameApartFromStamps(old, text) {
                    return (path, false)
                }
                try TextFile.write(text, to: path)
                return (path, true)
            }
        }

        /// "3 of 11 feeds changed".
        private static func changed(_ feeds: [(path: String, changed: Bool)]) -> String {
            "\(feeds.count { $0.changed }) of \(feeds.count) feed\(feeds.count == 1 ? "" : "s") changed"
        }
    }
}
