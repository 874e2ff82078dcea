import CalendarTime
import RoundTableCore
import RoundTableStore

/// The series as the server last read it: the schedule, the records, and the feeds built from
/// them. The feeds are rebuilt only when `fingerprint` changes (the schedule's text, the
/// completions and the open actions: `FeedFingerprint`, as `export --dir` keeps it); the records
/// are always the latest, for the pages.
struct SeriesSnapshot: Sendable {
    let loaded: LoadedSchedule
    let records: Records
    /// The write-ups found, by session id (the series page shows the disseminated ones).
    let writeups: [String: WriteupFile]
    /// The SHA-256 of each member's link, by member id (`member link`).
    let linkDigests: [String: String]
    let fingerprint: String
    /// Each feed by its file name, as `export --dir` names them: `<series>.ics`, `<member>.ics`.
    let feeds: [String: Representation]

    var schedule: Schedule { loaded.schedule }

    /// What the server shows for `loaded` and `records`; the feeds of `previous` are kept when
    /// they are made of the same (their bytes, ETags and Last-Modified with them).
    init(loaded: LoadedSchedule, records: Records, writeups: [String: WriteupFile], linkDigests: [String: String],
         now: Int, previous: SeriesSnapshot?) throws {
        self.loaded = loaded
        self.records = records
        self.writeups = writeups
        self.linkDigests = linkDigests
        fingerprint = FeedFingerprint.of(scheduleText: loaded.text, records: records, includeTodos: true,
                                         environment: "roundtable-serve")
        if let previous, previous.fingerprint == fingerprint {
            feeds = previous.feeds
            return
        }
        let schedule = loaded.schedule
        let owners: [Member?] = [nil] + schedule.members.map { $0 }
        let texts = try FeedBuilder(schedule: schedule, records: records, stamp: LocalDateTime(secondsSinceEpoch: now)).texts(for: owners)
        var feeds: [String: Representation] = [:]
        for (owner, text) in zip(owners, texts) {
            feeds[(owner?.id ?? schedule.series.id) + ".ics"] = Representation(text: text, contentType: "text/calendar; charset=utf-8", lastModified: now)
        }
        self.feeds = feeds
    }

    /// The member whose link holds `token`, if any. Every member's digest is compared, each in
    /// constant time, whichever matches: the time taken says nothing of the token.
    func member(holding token: Substring) -> Member? {
        guard MemberLink.isWellFormed(token), let digest = try? MemberLink.digest(of: String(token)) else { return nil }
        var found: Member?
        for member in schedule.members {
            if let kept = linkDigests[member.id], MemberLink.sameDigest(kept, digest) { found = member }
        }
        return found
    }
}
