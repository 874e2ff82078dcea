import ArgumentParser
import CalendarTime
import Foundation
import RoundTableCore
import RoundTableStore

extension RoundTable {
    /// `roundtable advance`: record that a session's stage is done (or undo the latest record).
    struct Advance: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "advance",
            abstract: "Record a session's stage done, in order: plan, hold, writeup, disseminate.")

        @OptionGroup var options: CommonOptions

        @Argument(help: "The session id, e.g. rt4.", completion: Completions.sessions)
        var session: String

        @Argument(help: "plan | hold | writeup | disseminate (with --undo: optional, the latest is removed).", completion: Completions.stages)
        var stage: Stage?

        @Option(help: ArgumentHelp("The day it was done (default: the as-of day).", valueName: "YYYY-MM-DD"), transform: LocalDate.argument)
        var on: LocalDate?

        @Flag(help: "Remove the latest recorded stage of this session.")
        var undo = false

        @Option(help: ArgumentHelp("With hold: who came, member ids. Without --attended, --absent or --as-answered the hold is "
                                   + "recorded with attendance not recorded; any of them on a session already held records its attendance.",
                                   valueName: "ID,…"),
                transform: { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } })
        var attended: [String]?

        @Option(help: ArgumentHelp("With hold: who of those invited did not come.", valueName: "ID,…"),
                transform: { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } })
        var absent: [String]?

        @Flag(name: .customLong("as-answered"), help: "With hold: the organiser and everyone who accepted came.")
        var asAnswered = false

        /// What the options say of who came; nil when they say nothing.
        private var given: AttendanceRules.Given? {
            attended.map { .attended($0) } ?? absent.map { .absent($0) } ?? (asAnswered ? .asAnswered : nil)
        }

        func validate() throws {
            if !undo && stage == nil { throw ValidationError("Missing the stage: plan, hold, writeup or disseminate.") }
            if [attended != nil, absent != nil, asAnswered].filter({ $0 }).count > 1 {
                throw ValidationError("Give one of --attended, --absent and --as-answered.")
            }
            if given != nil && stage != .hold { throw ValidationError("--attended, --absent and --as-answered go with the hold stage.") }
        }

        func run() throws {
            let context = try options.load()
            let series = context.schedule.series.id
            let found = try StageRules.session(session, in: context.schedule)
            if undo {
                // Decided inside the store's transaction: what is printed is what was removed.
                let removed = try context.store.undoLatestCompletion(series: series, session: session) { latest in
                    try StageRules.checkUndo(latest, of: session, stage: stage)
                }
                guard let removed else { throw WorkflowError.nothingToUndo(session: session) }
                print("\(session): removed \(removed.stage.rawValue) (was done \(removed.on))")
                return
            }
            let completion = Completion(session: session, stage: stage!, on: on ?? context.asOf)
            let attendance = try given.map {
                try AttendanceRules.attendance(of: found, in: context.schedule,
                                               answers: SessionAnswers(context.records).of(found, in: context.schedule), given: $0)
            }
            let held = context.records.completions.first { $0.session == session && $0.stage == .hold }
            if let attendance, let held, on == nil || on == held.on {
                // The hold is recorded: this records (or corrects) who came, and nothing else.
                try context.store.recordAttendance(attendance, series: series) { try AttendanceRules.checkHeld(session, completions: $0) }
                print("\(session): held \(held.on); \(attendance.attended.count) attended: \(attendance.attended.joined(separator: ", "))")
                return
            }
            try context.store.complete(completion, series: series, attendance: attendance) { existing in
                try StageRules.check(completion, in: context.schedule, existing: existing, asOf: context.asOf)
            }
            print("\(session): \(completion.stage.rawValue) done \(completion.on)")
            if let attendance {
                print("\(session): \(attendance.attended.count) attended: \(attendance.attended.joined(separator: ", "))")
            } else if completion.stage == .hold {
                print("\(session): attendance not recorded; record who came with 'roundtable advance \(session) hold --attended ID,…' "
                      + "(or --absent ID,…, or --as-answered)")
            }
        }
    }
}
