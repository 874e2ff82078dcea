import ArgumentParser
import CalendarTime
import Foundation
import RoundTableCore
import RoundTableDocuments
import RoundTableMail
import RoundTableStore

extension RoundTable {
    /// `roundtable remind`: the daily cron job. Each member gets one digest of what is due or
    /// overdue, and each reminder goes once, however often or late cron runs.
    struct Remind: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remind",
            abstract: "Send the reminders due as of the date, one digest per person; safe to run twice, late or at once.",
            discussion: "With -s naming a folder, one run covers every series in it: cron needs one line for a whole organisation.")

        @OptionGroup var options: CommonOptions
        @OptionGroup var documents: DocumentOptions
        @OptionGroup var delivery: TransportOptions

        func run() throws {
            let contexts = try options.loadAll(sending: true)
            // Templates are found beside each schedule; a folder of schedules shares one set, read once.
            var templatesByFolder: [String: RoundTableDocuments.Templates] = [:]
            let templates = try contexts.map { context in
                let folder = (context.loaded.file as NSString).deletingLastPathComponent
                if let read = templatesByFolder[folder] { return read }
                let read = try documents.loadTemplates(schedulePath: context.loaded.file)
                templatesByFolder[folder] = read
                return read
            }
            var sending = try delivery.run()
            let stamp = Clock.now()
            var digestCount = 0
            var nextDue: LocalDate?
            for (context, templates) in zip(contexts, templates) {
                let schedule = context.schedule
                // Computed from the records on each use: once for the plan and the next day.
                let timelines = context.timelines
                let lock = try context.store.lockRun(series: schedule.series.id, timeout: 5)
                defer { withExtendedLifetime(lock) {} }
                // The ledger is read under the lock: a run that waited sees what the other one sent.
                let sent = try context.store.ledger(series: schedule.series.id)
                let planned = ReminderPlanner.plan(schedule, timelines: timelines, actions: context.records.actions,
                                                   attendance: context.records.attendance, sent: sent, asOf: context.asOf)
                // Replies rsvp --mailbox refused go in the organiser's digest once, marked reported as it is recorded sent.
                let digests = ReminderPlanner.reporting(try context.store.unreportedRefusals(series: schedule.series.id), in: planned, schedule)
                let envelopes = ReminderMessage.envelopes(digests, in: schedule, asOf: context.asOf, stamp: stamp, templates: templates)
                for (digest, made) in zip(digests, envelopes) {
                    let envelope = try made.get()
                    let refused = digest.refusedMessages.isEmpty ? [] : ["\(digest.refusedMessages.count) refused repl\(digest.refusedMessages.count == 1 ? "y" : "ies")"]
                    let summary = "reminder to \(digest.recipient.id) <\(digest.recipient.email)>: "
                        + (digest.reminders.map { "\($0.item.key) (\($0.reason))" } + refused).joined(separator: "; ")
                    try sending.send(envelope, summary: summary) {
                        try context.store.recordSent(digest.reminders.map(\.ledgerEntry), series: schedule.series.id, messageID: envelope.messageID,
                                                     at: LocalDateTime(secondsSinceEpoch: stamp), reported: digest.refusedMessages)
                    }
                }
                digestCount += digests.count
                // A dry run counts what it would send as sent, so its next day is the one after; with
                // nothing to send, the ledger read under the lock is still the whole of it.
                let ledger = delivery.dryRun || digests.isEmpty ? sent + digests.flatMap { $0.reminders.map(\.ledgerEntry) }
                    : try context.store.ledger(series: schedule.series.id)
                let next = ReminderPlanner.nextDue(schedule, timelines: timelines, actions: context.records.actions,
                                                   attendance: context.records.attendance, sent: ledger, asOf: context.asOf)
                nextDue = [nextDue, next].compactMap { $0 }.min()
            }
            if digestCount == 0 {
                let asOf = options.asOf ?? contexts[0].asOf
                print(contexts.count == 1 ? "No reminders due as of \(asOf)." : "No reminders due in the \(contexts.count) series as of \(asOf).")
            }
            logRun(sending, digests: digestCount, nextDue: nextDue)
            try sending.finish()
        }

        /// The one line cron mails or the journal keeps for every run, on standard error:
        /// "remind: 3 digests sent, 0 failed, next reminder due 2012-11-28".
        private func logRun(_ sending: SendRun, digests: Int, nextDue: LocalDate?) {
            let done = delivery.dryRun ? "\(digests) digest\(digests == 1 ? "" : "s") to send (dry run)"
                : "\(sending.sent) digest\(sending.sent == 1 ? "" : "s") sent, \(sending.refused.count) failed"
            let next = nextDue.map { "next reminder due \($0)" } ?? "no reminder left to send"
            FileHandle.standardError.write(Data("remind: \(done), \(next)\n".utf8))
        }
    }
}
