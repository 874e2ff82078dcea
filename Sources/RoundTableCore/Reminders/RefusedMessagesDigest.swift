extension ReminderPlanner {
    /// `digests` with the replies `rsvp --mailbox` refused put in the organiser's (see
    /// `Digest.refusedMessages`): a digest of their own when the organiser has nothing else due
    /// that day, in member order, so a forged or stale reply is reported the next run, not the
    /// next time something happens to be due. An organiser who is no member gets none.
    public static func reporting(_ refused: [RefusedMessage], in digests: [Digest], _ schedule: Schedule) -> [Digest] {
        guard !refused.isEmpty, let organiser = schedule.member(schedule.series.organiser) else { return digests }
        var digests = digests
        if let index = digests.firstIndex(where: { $0.recipient.id == organiser.id }) {
            digests[index].refusedMessages = refused
            return digests
        }
        var digest = Digest(recipient: organiser, reminders: [])
        digest.refusedMessages = refused
        let order = Dictionary(schedule.members.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let position = order[organiser.id] ?? Int.max
        digests.insert(digest, at: digests.firstIndex { order[$0.recipient.id] ?? Int.max > position } ?? digests.endIndex)
        return digests
    }
}
