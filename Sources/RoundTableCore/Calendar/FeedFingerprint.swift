import CalendarTime

/// Everything a series' feeds are made of, but their DTSTAMPs, reduced to one stable hash.
///
/// `export --dir` keeps it beside the feeds it wrote; a later run that computes the same value
/// knows those feeds would come out the same (apart from DTSTAMPs, which an unchanged feed keeps
/// from the copy already written) and need not build them. Every input of
/// `FeedBuilder.texts(for:)` must be here, or a change to the missing one would leave a stale feed:
/// the schedule as written (its bytes, not the parsed model, so nothing read from it can be
/// forgotten), the completions behind the timelines, the open actions with their dues as resolved,
/// whether VTODOs are included, and what the caller knows of the program and the system that
/// shapes the text (its version, the zone rules behind the VTIMEZONE).
public enum FeedFingerprint {
    /// 16 hex digits of `StableHash.hex64` over the inputs, each taken in with its length so that
    /// no two different inputs run together into the same bytes.
    public static func of(scheduleText: String, records: Records, includeTodos: Bool, environment: String) -> String {
        var hash = StableHash.Hash64()
        hash.add("roundtable feeds 1\n")
        field(environment, into: &hash)
        field(includeTodos ? "todos" : "no-todos", into: &hash)
        field(scheduleText, into: &hash)
        for completion in records.completions {
            hash.add("completion ")
            field(completion.session, into: &hash)
            field(completion.stage.rawValue, into: &hash)
            field(completion.on.description, into: &hash)
        }
        // Only open actions reach a feed; one done, dropped or reopened changes this list.
        for action in records.actions where action.isOpen {
            hash.add("action ")
            field(action.id, into: &hash)
            field(action.session, into: &hash)
            field(action.owner, into: &hash)
            field(action.due.description, into: &hash)
            field(action.text, into: &hash)
        }
        return hash.hex
    }

    /// `value` as `<byte count>:<value>\n`.
    private static func field(_ value: String, into hash: inout StableHash.Hash64) {
        hash.add(String(value.utf8.count))
        hash.add(":")
        hash.add(value)
        hash.add("\n")
    }
}
