import ArgumentParser
import CalendarTime
import Foundation
import ICalendar
import RoundTableCore
import RoundTableMail
import RoundTableStore

extension RoundTable {
    /// `roundtable rsvp`: record attendees' answers from iMIP replies (.ics files or whole emails).
    struct RSVP: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rsvp",
            abstract: "Record attendees' answers from iMIP REPLY files (.ics or saved emails).",
            discussion: """
                Every file is read; a file that cannot be used is reported and the others still count. Exit 65 if any was refused. \
                '-' reads one reply from standard input (for a mail filter); files over 16 MiB are refused. \
                A reply is believed only when it could be genuine: one ATTENDEE per event, a member who was sent that invitation, \
                a SEQUENCE that was sent, a DTSTAMP no later than a day from now, and, in a whole email, From: the attendee's \
                own address. A bare .ics file names no sender, so only the other rules apply to it.
                """)

        @OptionGroup var options: CommonOptions

        @Flag(name: .customLong("trust-sender"), help: """
            Record replies whose email From: is not their attendee's address (a reply forwarded by a colleague, say). \
            Use it only for files you vouch for.
            """)
        var trustSender = false

        @Argument(help: "Reply files ('-' for standard input).")
        var files: [String]

        func run() throws {
            let context = try options.load()
            let schedule = context.schedule
            let invitations = try context.store.invitations(series: schedule.series.id)
            let rules = ReplyRules(schedule: schedule, invitations: invitations, now: LocalDateTime(secondsSinceEpoch: Clock.now()))
            var refused: [String] = []
            var allMissing = true
            for file in files {
                do {
                    let bytes = file == "-" ? try TextFile.readStandardInput() : try TextFile.readBytes(file)
                    let content = try CalendarPartReader.read(bytes)
                    let (calendar, problems) = try Component.parseKeepingProblems(content.calendar, limits: .received)
                    let sender = trustSender ? .vouchedFor : content.sender
                    for reply in try ReplyReader.replies(in: calendar, problems: problems, from: sender, rules: rules) {
                        let outcome = try context.store.recordReply(reply, series: schedule.series.id)
                        let who = schedule.member(reply.attendee)?.name ?? reply.attendee
                        let answer = reply.answer.rawValue.lowercased()
                        // An answer to a version since moved is kept (it is her latest word) but is not current.
                        let latest = invitations.first { $0.session == reply.session && $0.attendee == reply.attendee }?.sequence ?? 0
                        let stale = reply.sequence < latest ? " (stale: it answers SEQUENCE \(reply.sequence); the invitation is now at \(latest))" : ""
                        switch outcome {
                        case .recorded: print("\(reply.session): \(who) \(answer)\(stale)")
                        case .alreadyRecorded: print("\(reply.session): \(who) \(answer) (already recorded: nothing changed)")
                        case .superseded: print("\(reply.session): \(who) \(answer) (ignored: a newer answer is recorded)")
                        }
                    }
                } catch let error as StoreError {
                    throw error
                } catch let error as TextFileError {
                    refused.append(error.description)
                    switch error {
                    case .missing, .unreadable: break
                    default: allMissing = false
                    }
                } catch {
                    refused.append("\(file == "-" ? TextFile.standardInputName : file): \(error)")
                    allMissing = false
                }
            }
            if !refused.isEmpty { throw RoundTableError.refusedFiles(refused, missing: allMissing) }
        }
    }
}
