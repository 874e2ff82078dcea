import ArgumentParser
import Foundation
import ICalendar
import RoundTableCore
import RoundTableDocuments
import RoundTableMail
import RoundTableStore

/// `roundtable disseminate`: the agreed write-up to every member, then the stage recorded.
struct Disseminate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disseminate",
        abstract: "Email a session's agreed write-up to every member, then record the disseminate stage.")

    @OptionGroup var options: CommonOptions
    @OptionGroup var documents: DocumentOptions
    @OptionGroup var delivery: TransportOptions

    @Argument(help: "The session id, e.g. rt4.")
    var session: String

    func run() throws {
        let context = try options.load()
        let schedule = context.schedule
        let session = try StageRules.session(self.session, in: schedule)
        if session.isCancelled {
            throw RoundTableError.invalid("'\(session.id)' is cancelled in the schedule: it was not held, so there are no findings to send.")
        }
        guard let writtenUp = context.records.completions.first(where: { $0.session == session.id && $0.stage == .writeup })?.on else {
            throw RoundTableError.invalid("The write-up of '\(session.id)' is not recorded as agreed. Run 'roundtable advance \(session.id) writeup' once it is.")
        }
        let path = try documents.writeupPath(for: session.id, schedulePath: context.loaded.file)
        // What members receive: the rapporteur's guidance comments are not part of it.
        let writeup = WriteupFile.published(try TextFile.read(path))
        guard WriteupFile(text: writeup).hasLearningPoints else {
            throw RoundTableError.invalid("'\(path)' has no learning points yet: it is still the skeleton. Fill it in before sending it to the membership.")
        }
        // Checked now, so a refusal (wrong order, already done) changes nothing and sends nothing.
        let disseminated = Completion(session: session.id, stage: .disseminate, on: context.asOf)
        try StageRules.check(disseminated, in: schedule, existing: context.records.completions, asOf: context.asOf)
        var courier = try delivery.courier()
        let lock = try RunLock(statePath: options.statePath, series: schedule.series.id, timeout: 5)
        let item = "findings:\(session.id)"
        let sent = Set(try context.store.ledger(series: schedule.series.id).filter { $0.item == item && $0.trigger == writtenUp }.map(\.recipient))
        let stamp = Clock.now()
        // The membership on the day it goes out: whoever has left is not sent it, a newcomer is.
        for member in schedule.members(on: context.asOf) where !sent.contains(member.id) {
            let message = try FindingsMessage.make(session, to: member, in: schedule, writeup: writeup, writtenUp: writtenUp, stamp: stamp)
            try courier.send(message, summary: "findings of \(session.id) to \(member.id) <\(member.email)>") {
                try context.store.recordSent([LedgerEntry(item: item, recipient: member.id, trigger: writtenUp)],
                                             series: schedule.series.id, messageID: message.messageID, at: LocalDateTime(secondsSinceEpoch: stamp))
            }
        }
        try courier.finish()
        if !delivery.dryRun {
            try context.store.complete(disseminated, series: schedule.series.id) { existing in
                try StageRules.check(disseminated, in: schedule, existing: existing, asOf: context.asOf)
            }
            print("\(session.id): disseminate done \(context.asOf)")
        }
        withExtendedLifetime(lock) {}
    }
}
