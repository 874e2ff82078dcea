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
    /// 16 hex digits of `StableHash.hex64` over the inputs, each written with its length so that
    /// no two different inputs run together into the same text.
    public static func of(scheduleText: String, records: Records, includeTodos: Bool, environment: String) -> String {
        var text = "roundtable feeds 1\n"
        text.reserveCapacity(scheduleText.utf8.count + 64 * (records.completions.count + records.actions.count) + 256)
        field(environment, into: &text)
        field(includeTodos ? "todos" : "no-todos", into: &text)
        field(scheduleText, into: &text)
        for completion in records.completions {
            text += "completion "
            field(completion.session, into: &text)
            field(completion.stage.rawValue, into: &text)
            field(completion.on.description, into: &text)
        }
        // Only open actions reach a feed; one done, dropped or reopened changes this list.
        for action in records.actions where action.isOpen {
            text += "action "
            field(action.id, into: &text)
            field(action.session, into: &text)
            field(action.owner, into: &text)
            field(action.due.description, into: &text)
            field(action.text, into: &text)
        }
        return StableHash.hex64(text)
    }

    /// `value` as `<byte count>:<value>\n`.
    private static func field(_ value: String, into text: inout String) {
        text += String(value.utf8.count)
        text += ":"
        text += value
        text += "\n"
    }
}
