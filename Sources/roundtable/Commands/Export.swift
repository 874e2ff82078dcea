import ArgumentParser
import Foundation
import ICalendar
import RoundTableCore

/// `roundtable export`: the series as an iCalendar feed (METHOD:PUBLISH).
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export sessions and deadlines as an iCalendar feed.",
        discussion: "With --dir, writes <series>.ics and one <member>.ics per member, ready for any web server.")

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
        let context = try options.load()
        let schedule = context.schedule
        var builder = FeedBuilder(schedule: schedule, timelines: context.timelines, stamp: LocalDateTime(secondsSinceEpoch: Clock.now()))
        builder.includeTodos = !noTodos
        builder.actions = context.records.actions
        let selected = try member.map { id in
            guard let m = schedule.member(id) else {
                throw RoundTableError.invalid("Unknown member '\(id)'. Members: \(schedule.members.map(\.id).joined(separator: ", ")).")
            }
            return m
        }
        if let dir {
            let feeds: [(String, Member?)] = selected.map { [($0.id, $0)] }
                ?? [(schedule.series.id, nil)] + schedule.members.map { ($0.id, $0) }
            for (name, who) in feeds {
                let path = (dir as NSString).appendingPathComponent(name + ".ics")
                try TextFile.write(try builder.calendar(for: who).serialized(), to: path)
                print("wrote \(path)")
            }
        } else if let output {
            try TextFile.write(try builder.calendar(for: selected).serialized(), to: output)
        } else {
            print(try builder.calendar(for: selected).serialized(), terminator: "")
        }
    }
}
