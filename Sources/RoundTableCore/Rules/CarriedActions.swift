/// The open actions a session inherits: agreed at sessions before it and not yet done or
/// dropped. One rule for the invitation's calendar entry, its mail and the write-up skeleton,
/// so the three never disagree.
public enum CarriedActions {
    public static func into(_ session: Session, in schedule: Schedule, actions: [Action]) -> [Action] {
        actions.filter { action in
            action.isOpen && schedule.session(action.session).map { $0.timing.latestDay < session.timing.earliestDay } == true
        }
    }
}
