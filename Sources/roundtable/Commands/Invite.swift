import ArgumentParser
import CalendarTime
import RoundTableCore
import RoundTableMail
import RoundTableStore

extension RoundTable {
    /// `roundtable invite`: calendar invitations to the attendees of fixed sessions, updates when a
    /// session moves, cancellations when it is cancelled or someone is no longer invited.
    struct Invite: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "invite",
            abstract: "Send iMIP invitations (REQUEST) for fixed sessions not yet invited or changed since, and CANCELs.")

        @OptionGroup var options: CommonOptions
        @OptionGroup var documents: DocumentOptions
        @OptionGroup var delivery: TransportOptions

        @Argument(help: "Only these sessions (default: all).", completion: Completions.sessions)
        var sessions: [String] = []

        func run() throws {
            let context = try options.load(sending: true)
            let schedule = context.schedule
            for id in sessions {
                let session = try StageRules.session(id, in: schedule)
                if session.timing.start == nil {
                    print("\(id): \(SessionText.when(session, zone: schedule.zone)); give it 'start:' in the schedule to invite.")
                } else if session.timing.earliestDay < context.asOf {
                    print("\(id): took place \(SessionText.when(session, zone: schedule.zone)); nothing is sent for a past session.")
                }
            }
            let templates = try documents.loadTemplates(schedulePath: context.loaded.file)
            var sending = try delivery.run()
        let lock = try context.store.lockRun(series: schedule.series.id, timeout: 5)
            let planned = InvitationPlanner.plan(schedule, sent: try context.store.invitations(series: schedule.series.id), asOf: context.asOf,
                                                 sessions: sessions)
            let stamp = context.clock.now()
            for invitation in planned {
                let message = try InvitationMessage.make(invitation, in: schedule, actions: context.records.actions,
                                                         replies: context.records.replies, today: context.asOf,
                                                         stamp: stamp, templates: templates)
                let summary = "\(invitation.method.rawValue) \(invitation.session.id) to \(invitation.attendee.id) <\(invitation.attendee.email)> "
                    + "(SEQUENCE \(invitation.sequence), \(invitation.reason.rawValue))"
                try sending.send(message, summary: summary) {
                    try context.store.recordInvitation(Sent(invitation.record, messageID: message.messageID, at: LocalDateTime(secondsSinceEpoch: stamp)),
                                                       series: schedule.series.id)
                }
            }
            if planned.isEmpty { print("Nothing to send: every invitation is up to date.") }
            if !delivery.dryRun && sending.refused.isEmpty {
                // Every invitation of these sessions is out: their plan stage is done today.
                for id in InvitationPlanner.planned(planned, completions: context.records.completions) {
                    let done = Completion(session: id, stage: .plan, on: context.asOf)
                    try context.store.complete(done, series: schedule.series.id) { existing in
                        try StageRules.check(done, in: schedule, existing: existing, asOf: context.asOf)
                    }
                    print("\(id): plan done \(context.asOf) (every invitation sent)")
                }
            }
            withExtendedLifetime(lock) {}
            try sending.finish()
        }
    }
}
