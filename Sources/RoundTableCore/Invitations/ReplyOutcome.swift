/// What became of a reply offered to the state, so `rsvp` (from files or a mailbox) can say what
/// happened: reading the same reply twice is not the same as a newer answer winning.
public enum ReplyOutcome: Equatable, Sendable {
    /// Recorded: it is her newest answer.
    case recorded
    /// This very answer is already recorded (the same file read again): nothing changed.
    case alreadyRecorded
    /// A newer answer is recorded, so this one was left out.
    case superseded
}
