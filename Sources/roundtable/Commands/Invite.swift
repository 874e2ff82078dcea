import ArgumentParser
import RoundTableCore
import RoundTableMail
import RoundTableStore

/// `roundtable invite`: calendar invitations to the attendees of fixed sessions, updates when a
/// session moves, cancellations when it is cancelled or someone is no longer invited.
struct Invite: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invite",
        abstract: "Send iMIP invitations (REQUEST) for fixed sessions not yet invited or changed since, and CANCELs.")

    @OptionGroup var options: CommonOptions
    @OptionGroup var documents: DocumentOptions
    @OptionGroup var delivery: TransportOptions

    @Argument(help: "Only these sessions (default: all).")
    var sessions: [String] = []

    func run() throws {
        let context = try options.load()
        let schedule = context.schedule
        for id in sessions { _ = try StageRules.session(id, in: schedule) }
        let templates = try documents.loadTemplates(schedulePath: context.loaded.file)
        var courier = try delivery.courier()
        let lock = try RunLock(statePath: options.statePath, series: schedule.series.id, timeout: 5)
        let planned = try InvitationPlanner.plan(schedule, sent: try context.store.invitations(series: schedule.series.id), sessions: sessions)
        let stamp = Clock.now()
        for invitation in planned {
            let message = try InvitationMessage.make(invitation, in: schedule, actions: context.records.actions, stamp: stamp, templates: templates)
            let summary = "\(invitation.method.rawValue) \(invitation.session.id) to \(invitation.attendee.id) <\(invitation.attendee.email)> "
                + "(SEQUENCE \(invitation.sequence), \(invitation.reason))"
            try courier.send(message, summary: summary) {
                try context.store.recordInvitation(invitation.record, series: schedule.series.id, messageID: message.messageID)
            }
        }
        if planned.isEmpty { print("Nothing to send: every invitation is up to date.") }
        withExtendedLifetime(lock) {}
        try courier.finish()
    }
}
