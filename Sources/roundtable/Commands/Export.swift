import ArgumentParser
import Foundation
import ICalendar
import RoundTableCore

/// `roundtable export`: the series as an iCalendar feed (METHOD:PUBLISH).
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export sessions and deadlines as an iCalendar feed.",
        discussion: """
            With --dir, writes <series>.ics and one <member>.ics per member, ready for any web server. \
            With -s naming a folder of schedules, --dir is required and each series gets its own \
            subfolder, <dir>/<series>/.
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
                let paths = try writeFeeds(of: context, into: into, only: nil)
                print("wrote \(paths.count) feeds into \(into)")
            }
            return
        }
        let context = try options.load()
        let selected = try member.map { id in
            guard let m = context.schedule.member(id) else {
                throw RoundTableError.invalid("Unknown member '\(id)'. Members: \(context.schedule.members.map(\.id).joined(separator: ", ")).")
            }
            return m
        }
        if let dir {
            for path in try writeFeeds(of: context, into: dir, only: selected) { print("wrote \(path)") }
        } else if let output {
            try TextFile.write(try builder(for: context).calendar(for: selected).serialized(), to: output)
        } else {
            print(try builder(for: context).calendar(for: selected).serialized(), terminator: "")
        }
    }

    private func builder(for context: Context) -> FeedBuilder {
        var builder = FeedBuilder(schedule: context.schedule, timelines: context.timelines, stamp: LocalDateTime(secondsSinceEpoch: Clock.now()))
        builder.includeTodos = !noTodos
        builder.actions = context.records.actions
        return builder
    }

    /// The series feed and one per member (or only the selected member's), as files in `folder`.
    private func writeFeeds(of context: Context, into folder: String, only selected: Member?) throws -> [String] {
        let builder = builder(for: context)
        let feeds: [(String, Member?)] = selected.map { [($0.id, $0)] }
            ?? [(context.schedule.series.id, nil)] + context.schedule.members.map { ($0.id, $0) }
        return try feeds.map { name, who in
            let path = try TextFile.path(named: name + ".ics", in: folder)
            try TextFile.write(try builder.calendar(for: who).serialized(), to: path)
            return path
        }
    }
}
