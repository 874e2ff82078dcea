import ArgumentParser
import RoundTableCore
import RoundTableMail
import RoundTableStore

/// `roundtable remind`: the daily cron job. Each member gets one digest of what is due or
/// overdue, and each reminder goes once, however often or late cron runs.
struct Remind: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Send the reminders due as of the date, one digest per person; safe to run twice, late or at once.")

    @OptionGroup var options: CommonOptions
    @OptionGroup var documents: DocumentOptions
    @OptionGroup var delivery: TransportOptions

    func run() throws {
        let context = try options.load()
        let schedule = context.schedule
        let templates = try documents.loadTemplates(schedulePath: context.loaded.file)
        var courier = try delivery.courier()
        let lock = try RunLock(statePath: options.statePath, timeout: 5)
        // The ledger is read under the lock: a run that waited sees what the other one sent.
        let digests = ReminderPlanner.plan(schedule, timelines: context.timelines, actions: context.records.actions,
                                           sent: try context.store.ledger(series: schedule.series.id), asOf: context.asOf)
        let stamp = Clock.now()
        for digest in digests {
            let message = try ReminderMessage.make(digest, in: schedule, asOf: context.asOf, stamp: stamp, templates: templates)
            let summary = "reminder to \(digest.recipient.id) <\(digest.recipient.email)>: "
                + digest.reminders.map { "\($0.item.key) (\($0.reason))" }.joined(separator: "; ")
            try courier.send(message, summary: summary) {
                try context.store.recordSent(digest.reminders.map(\.ledgerEntry), series: schedule.series.id, messageID: message.messageID)
            }
        }
        if digests.isEmpty { print("No reminders due as of \(context.asOf).") }
        withExtendedLifetime(lock) {}
        try courier.finish()
    }
}
