import ArgumentParser
import CalendarTime
import Foundation
import RoundTableCore
import RoundTableDocuments
import RoundTableMail
import RoundTableStore

extension RoundTable {
    /// `roundtable disseminate`: the agreed write-up to every member, then the stage recorded.
    struct Disseminate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "disseminate",
            abstract: "Email a session's agreed write-up to every member, then record the disseminate stage.")

        @OptionGroup var options: CommonOptions
        @OptionGroup var documents: DocumentOptions
        @OptionGroup var delivery: TransportOptions

        @Argument(help: "The session id, e.g. rt4.", completion: Completions.sessions)
        var session: String

        @Flag(help: "Send a write-up with areas still holding only the skeleton's placeholder, leaving those areas out.")
        var allowEmpty = false

        func run() throws {
            let context = try options.load(sending: true)
            let schedule = context.schedule
            let session = try StageRules.session(self.session, in: schedule)
            if session.isCancelled {
                throw RoundTableError.invalid("'\(session.id)' is cancelled in the schedule: it was not held, so there are no findings to send.")
            }
            guard let writtenUp = context.records.completions.first(where: { $0.session == session.id && $0.stage == .writeup })?.on else {
                throw RoundTableError.invalid("The write-up of '\(session.id)' is not recorded as agreed. Run 'roundtable advance \(session.id) writeup' once it is.")
            }
            let path = try documents.writeupPath(for: session.id, schedulePath: context.loaded.file)
            // What members receive: the rapporteur's guidance comments are not part of it, nor
            // (with --allow-empty) an area left as the skeleton had it.
            let file = WriteupFile(text: try TextFile.read(path))
            guard file.hasLearningPoints else {
                throw RoundTableError.invalid("'\(path)' has no learning points yet: it is still the skeleton. Fill it in before sending it to the membership.")
            }
            let unfilled = file.unfilledAreas
            if !unfilled.isEmpty && !allowEmpty {
                throw RoundTableError.invalid("'\(path)' is not finished: \(unfilled.map { "'\($0)'" }.joined(separator: ", ")) still "
                    + "\(unfilled.count == 1 ? "holds" : "hold") only the skeleton's placeholder. Fill \(unfilled.count == 1 ? "it" : "them") in, "
                    + "or run again with --allow-empty to send the write-up without \(unfilled.count == 1 ? "it" : "them").")
            }
            let writeup = file.leavingOut(unfilled)
            // Checked now, so a refusal (wrong order, already done) changes nothing and sends nothing.
            let disseminated = Completion(session: session.id, stage: .disseminate, on: context.asOf)
            try StageRules.check(disseminated, in: schedule, existing: context.records.completions, asOf: context.asOf)
            let templates = try documents.loadTemplates(schedulePath: context.loaded.file)
            var sending = try delivery.run()
        let lock = try context.store.lockRun(series: schedule.series.id, timeout: 5)
            // The ledger is read under the lock: a run that waited sees what the other one sent.
            let recipients = DisseminationPlanner.recipients(of: session, in: schedule, writtenUp: writtenUp,
                                                              sent: try context.store.ledger(series: schedule.series.id), asOf: context.asOf)
            let stamp = context.clock.now()
            for member in recipients {
                let message = try FindingsMessage.make(session, to: member, in: schedule, writeup: writeup, writtenUp: writtenUp,
                                                     today: context.asOf, stamp: stamp, templates: templates)
                try sending.send(message, summary: "findings of \(session.id) to \(member.id) <\(member.email)>") {
                    try context.store.recordSent([DisseminationPlanner.ledgerEntry(session, to: member, writtenUp: writtenUp)],
                                                 series: schedule.series.id, messageID: message.messageID, at: LocalDateTime(secondsSinceEpoch: stamp))
                }
            }
            try sending.finish()
            if !delivery.dryRun {
                try context.store.complete(disseminated, series: schedule.series.id) { existing in
                    try StageRules.check(disseminated, in: schedule, existing: existing, asOf: context.asOf)
                }
                print("\(session.id): disseminate done \(context.asOf)")
            }
            withExtendedLifetime(lock) {}
        }
    }
}
