/// The answers an invitation's ATTENDEE lines keep (RFC 5546 §2.1.4, §3.2.2): an update that
/// does not change the time, place or status goes out at the same SEQUENCE, and must not undo
/// the answers already given to that SEQUENCE, nor ask for them again; a change that raises
/// SEQUENCE leaves no answer standing, so everyone is asked again.
public enum StandingAnswers {
    /// Each member's recorded answer to `session` that still stands for a message at `sequence`:
    /// one given to that SEQUENCE or a later one, by member id.
    public static func of(_ session: String, at sequence: Int, replies: [Reply]) -> [String: Reply.Answer] {
        var standing: [String: Reply.Answer] = [:]
        for reply in replies where reply.session == session && reply.sequence >= sequence && reply.answer != .needsAction {
            standing[reply.attendee] = reply.answer
        }
        return standing
    }
}
