import CalendarTime

/// A schedule read from its file, with where each session was written (for located warnings).
public struct LoadedSchedule: Sendable {
    public let schedule: Schedule
    public let file: String
    /// The file's text as read: `export --dir` fingerprints it, so that any change to the file
    /// (whatever the model makes of it) builds the series' feeds again.
    public let text: String
    /// Line and column of each session's entry, by session id.
    public let sessionLocations: [String: Location]
    /// Line and column of each member's entry, by member id.
    public let memberLocations: [String: Location]

    /// A 1-based line and column.
    public struct Location: Hashable, Sendable {
        public let line: Int
        public let column: Int
    }

    /// A warning located at a session's entry.
    public func warning(session id: String, _ message: String) -> Diagnostic { warning(at: sessionLocations[id], message) }

    /// A warning located at a member's entry.
    public func warning(member id: String, _ message: String) -> Diagnostic { warning(at: memberLocations[id], message) }

    private func warning(at location: Location?, _ message: String) -> Diagnostic {
        Diagnostic(file: file, line: location?.line, column: location?.column, severity: .warning, message: message)
    }
}

/// Turns the text of a schedule file into a `Schedule`, or into every error found in it.
///
/// Pure: it takes the text and the file name (for messages); reading the file is the caller's job.
public enum ScheduleLoader {
    /// The schedule with no diagnostics, or nil with at least one error.
    public static func load(_ text: String, file: String) -> (LoadedSchedule?, [Diagnostic]) {
        var reader = YAMLReader(file: file)
        guard let root = reader.compose(text),
              let top = reader.mapping(root, "The schedule", allowed: ["series", "policy", "members", "sessions", "mail"],
                                       required: ["series", "members", "sessions"]) else {
            return (nil, reader.diagnostics)
        }
        let series = readSeries(top["series"], &reader)
        let policy = readPolicy(top["policy"], &reader)
        let members = readMembers(top["members"], &reader)
        let (sessions, locations) = readSessions(top["sessions"], policy: policy, &reader)
        let mail = readMail(top["mail"], &reader)
        guard let series else { return (nil, reader.diagnostics) }
        // An unknown zone is already reported at its line; UTC stands in so the references can
        // still be checked in the same pass, and the schedule is refused all the same.
        let zone = (try? ZoneRules(identifier: series.timezone)) ?? ZoneRules.utc
        let schedule = Schedule(series: series, policy: policy, members: members.map(\.0), sessions: sessions.map(\.0), zone: zone,
                                mail: mail)
        ScheduleReferences.check(schedule, seriesNode: top["series"], members: members, sessions: sessions, &reader)
        guard reader.diagnostics.isEmpty else { return (nil, reader.diagnostics) }
        let memberLocations = Dictionary(members.map { member, node in
            (member.id, LoadedSchedule.Location(line: node.line, column: node.column))
        }, uniquingKeysWith: { first, _ in first })
        return (LoadedSchedule(schedule: schedule, file: file, text: text, sessionLocations: locations, memberLocations: memberLocations), [])
    }

    private static func readSeries(_ node: YAMLNode?, _ r: inout YAMLReader) -> Series? {
        guard let m = r.mapping(node, "'series'", allowed: ["id", "title", "short-title", "timezone", "organiser", "uid-domain",
                                                            "discussion-areas"],
                                required: ["id", "title", "timezone", "organiser", "uid-domain"]) else { return nil }
        let id = identifier(m["id"], "The series id", &r)
        let title = r.string(m["title"], "The series title")
        r.refuseLineBreaks(title, at: m["title"], "The series title")
        let shortTitle = readShortTitle(m["short-title"], &r)
        let zone = r.string(m["timezone"], "The timezone")
        if let zone, (try? ZoneRules(identifier: zone)) == nil {
            r.report(m["timezone"], "Unknown time zone '\(zone)'. Use an IANA name such as 'Europe/London'.")
        }
        let organiser = r.string(m["organiser"], "The organiser")
        let domain = r.string(m["uid-domain"], "The uid-domain")
        // It ends every UID and Message-ID, which a mail server or calendar refuses past a DNS name.
        if let domain, domain.utf8.count > 253 || !EmailAddress.isDomainName(Substring(domain).utf8) {
            r.report(m["uid-domain"], "The uid-domain '\(Excerpt.of(domain))' should be a domain name such as 'ajc.example.org': "
                + "labels of 1 to 63 letters, digits and '-' joined by dots, 253 characters in all.")
        }
        let areas = r.strings(m["discussion-areas"], "The discussion areas") ?? []
        guard let id, let title, let zone, let organiser, let domain else { return nil }
        return Series(id: id, title: title, shortTitle: shortTitle, timezone: zone, organiser: organiser, uidDomain: domain, discussionAreas: areas)
    }

    /// The group's name in every subject: one line, not blank, at most `Series.shortTitleLimit`
    /// characters, as a longer one would push the rest of the subject out of an inbox list.
    private static func readShortTitle(_ node: YAMLNode?, _ r: inout YAMLReader) -> String? {
        guard let text = r.string(node, "The short-title") else { return nil }
        r.refuseLineBreaks(text, at: node, "The short-title")
        if text.allSatisfy(\.isWhitespace) {
            r.report(node, "The short-title is empty; give the name members know the group by (e.g. 'AJC learning group'), or leave the key out to use the title.")
            return nil
        }
        if text.count > Series.shortTitleLimit {
            r.report(node, "The short-title '\(Excerpt.of(text))' is \(text.count) characters long; at most \(Series.shortTitleLimit) are allowed, "
                + "as it opens every subject and a longer one pushes the rest out of sight in an inbox list.")
        }
        return text
    }

    private static func readPolicy(_ node: YAMLNode?, _ r: inout YAMLReader) -> Policy {
        var policy = Policy()
        guard let m = r.mapping(node, "'policy'", allowed: ["invite-lead", "writeup-within", "disseminate-within",
                                                            "papers-before-seminar", "remind-before", "overdue-every",
                                                            "default-duration", "ask-again", "quorum", "quorum-check",
                                                            "quiet-days", "overview"]) else { return policy }
        let deadlines: [(String, WritableKeyPath<Policy, ISODuration>)] = [
            ("invite-lead", \.inviteLead), ("writeup-within", \.writeupWithin), ("disseminate-within", \.disseminateWithin),
            ("papers-before-seminar", \.papersBeforeSeminar), ("overdue-every", \.overdueEvery),
            ("ask-again", \.askAgain), ("quorum-check", \.quorumCheck),
        ]
        for (key, path) in deadlines {
            if let d = r.duration(m[key], "'\(key)'", calendarOnly: true) { policy[keyPath: path] = d }
        }
        if let d = r.duration(m["default-duration"], "'default-duration'", calendarOnly: false) { policy.defaultDuration = d }
        if let day = r.string(m["overview"], "'overview'") {
            let days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
            if let index = days.firstIndex(of: day.lowercased()) {
                policy.overviewDay = index + 1
            } else if day.lowercased() == "never" {
                policy.overviewDay = nil
            } else {
                r.report(m["overview"], "Unknown day '\(Excerpt.of(day))' for 'overview'. Use a weekday (monday … sunday) or never.")
            }
        }
        if let node = m["remind-before"] {
            // A lone duration is refused rather than read as a list of one: it reads as a
            // one-off `overdue-every`, and a plan should say what it means.
            if let items = node.sequence {
                policy.remindBefore = items.compactMap { r.duration($0, "Each of 'remind-before'", calendarOnly: true) }
            } else {
                r.report(node, "'remind-before' should be a list of durations, e.g. [P7D, P1D]; write [\(Excerpt.of(node.string ?? ""))] for one.")
            }
        }
        if policy.overdueEvery.years == 0 && policy.overdueEvery.months == 0 && policy.overdueEvery.days == 0 {
            r.report(m["overdue-every"], "'overdue-every' must be at least one day.")
        }
        if let text = r.string(m["quorum"], "'quorum'") {
            if let n = Int(text), n >= 1, n <= 10_000 {
                policy.quorum = n
            } else {
                r.report(m["quorum"], "'quorum' '\(Excerpt.of(text))' should be a whole number of people, at least 1 (e.g. 'quorum: 4').")
            }
        }
        if let node = m["quiet-days"] { policy.quietDays = readQuietDays(node, &r) }
        return policy
    }

    /// `quiet-days: [sat, sun, 12-25]`: each entry a weekday or a month-day, checked at its line.
    private static func readQuietDays(_ node: YAMLNode, _ r: inout YAMLReader) -> QuietDays {
        guard let items = node.sequence else {
            r.report(node, "'quiet-days' should be a list of weekdays and month-days, e.g. [sat, sun, 12-25, 01-01].")
            return QuietDays()
        }
        var weekdays: Set<Int> = [], dates: Set<Int> = []
        for item in items {
            guard let text = r.string(item, "Each of 'quiet-days'") else { continue }
            guard let entry = QuietDays.entry(text) else {
                r.report(item, "'\(Excerpt.of(text))' in 'quiet-days' is neither a weekday (mon … sun) nor a month-day (MM-DD, e.g. 12-25).")
                continue
            }
            if let weekday = entry.weekday { weekdays.insert(weekday) }
            if let date = entry.date { dates.insert(date) }
        }
        if weekdays.count == 7 { r.report(node, "'quiet-days' names every weekday, so no reminder could ever be sent.") }
        return QuietDays(weekdays: weekdays, dates: dates)
    }

    /// `mail: relays: [address, …]`: each address checked by the rule sending uses, at its line,
    /// since a mistyped relay would refuse every reply it carries.
    private static func readMail(_ node: YAMLNode?, _ r: inout YAMLReader) -> MailSettings {
        guard let m = r.mapping(node, "'mail'", allowed: ["relays"]), let list = m["relays"] else { return MailSettings() }
        let items = list.sequence ?? [list]
        let relays = items.compactMap { item -> String? in
            guard let address = r.string(item, "Each of 'relays'") else { return nil }
            if let problem = HeaderText.firstControl(in: address).map({ _ in "it holds a control character" }) ?? EmailAddress.problem(in: address) {
                r.report(item, "The relay '\(Excerpt.of(address))' is not an email address: \(problem).")
                return nil
            }
            return address
        }
        return MailSettings(relays: relays)
    }

    private static func readMembers(_ node: YAMLNode?, _ r: inout YAMLReader) -> [(Member, YAMLNode)] {
        guard let node else { return [] }
        guard let items = node.sequence else {
            r.report(node, "'members' should be a list.")
            return []
        }
        return items.compactMap { item in
            guard let m = r.mapping(item, "A member", allowed: ["id", "name", "email", "organisation", "sector", "joined", "left"],
                                    required: ["id", "name", "email"]) else { return nil }
            let id = identifier(m["id"], "A member id", &r)
            let name = r.string(m["name"], "A member's name")
            r.refuseLineBreaks(name, at: m["name"], "The name of member '\(id ?? "?")'")
            let email = r.string(m["email"], "A member's email")
            r.refuseLineBreaks(email, at: m["email"], "The email of member '\(id ?? "?")'")
            if let email, HeaderText.firstControl(in: email) == nil, let problem = EmailAddress.problem(in: email) {
                r.report(m["email"], "'\(Excerpt.of(email))' is not an email address roundtable can send to: \(problem).")
            }
            var sector: Sector?
            if let text = r.string(m["sector"], "A member's sector") {
                sector = Sector(rawValue: text)
                if sector == nil { r.report(m["sector"], "Unknown sector '\(Excerpt.of(text))'. Use public, private or voluntary.") }
            }
            let joined = r.date(m["joined"], "The day member '\(id ?? "?")' joined")
            let left = r.date(m["left"], "The day member '\(id ?? "?")' left")
            if let joined, let left, left <= joined {
                r.report(m["left"], "Member '\(id ?? "?")' left (\(left)) on or before the day she joined (\(joined)).")
            }
            guard let id, let name, let email else { return nil }
            return (Member(id: id, name: name, email: email, organisation: r.string(m["organisation"], "An organisation"),
                           sector: sector, joined: joined, left: left), item)
        }
    }

    private static let sessionKeys = ["id", "kind", "subject", "location", "start", "month", "window", "duration",
                                      "facilitator", "rapporteur", "attendees", "stages", "requires", "status", "reason"]

    private static func readSessions(_ node: YAMLNode?, policy: Policy, _ r: inout YAMLReader)
        -> ([(Session, YAMLReader.Entries)], [String: LoadedSchedule.Location]) {
        guard let node else { return ([], [:]) }
        guard let items = node.sequence else {
            r.report(node, "'sessions' should be a list.")
            return ([], [:])
        }
        var locations: [String: LoadedSchedule.Location] = [:]
        let sessions: [(Session, YAMLReader.Entries)] = items.compactMap { item in
            guard let m = r.mapping(item, "A session", allowed: sessionKeys, required: ["id", "kind", "subject"]) else { return nil }
            let id = identifier(m["id"], "A session id", &r)
            var kind: Session.Kind?
            if let text = r.string(m["kind"], "The kind") {
                kind = Session.Kind(rawValue: text)
                if kind == nil { r.report(m["kind"], "Unknown kind '\(Excerpt.of(text))'. Use meeting, roundtable or seminar.") }
            }
            let subject = r.string(m["subject"], "The subject")
            r.refuseLineBreaks(subject, at: m["subject"], "The subject of session '\(id ?? "?")'")
            let location = r.string(m["location"], "The location")
            r.refuseLineBreaks(location, at: m["location"], "The location of session '\(id ?? "?")'")
            let timing = readTiming(m, item: item, &r)
            let duration = m["duration"].flatMap { r.duration($0, "The duration", calendarOnly: false) } ?? policy.defaultDuration
            let stages = readStages(m["stages"], &r) ?? kind?.defaultStages
            var cancelled = false
            if let status = r.string(m["status"], "The status") {
                switch status {
                case "cancelled": cancelled = true
                case "planned": cancelled = false
                default: r.report(m["status"], "Unknown status '\(status)'. Use 'planned' (the default) or 'cancelled'.")
                }
            }
            let reason = r.string(m["reason"], "The reason")
            r.refuseLineBreaks(reason, at: m["reason"], "The reason session '\(id ?? "?")' was cancelled")
            if reason != nil, !cancelled { r.report(m["reason"], "'reason' says why a session was cancelled; add 'status: cancelled' or remove it.") }
            guard let id, let kind, let subject, let timing, let stages else { return nil }
            locations[id] = .init(line: item.line, column: item.column)
            return (Session(id: id, kind: kind, subject: subject, location: location, timing: timing, duration: duration,
                            facilitators: r.strings(m["facilitator"], "The facilitator") ?? [],
                            rapporteurs: r.strings(m["rapporteur"], "The rapporteur") ?? [],
                            attendees: readAttendees(m["attendees"], &r),
                            stages: stages, requires: r.strings(m["requires"], "'requires'") ?? [], isCancelled: cancelled,
                            cancellationReason: reason), m)
        }
        return (sessions, locations)
    }

    private static func readTiming(_ m: YAMLReader.Entries, item: YAMLNode, _ r: inout YAMLReader) -> Session.Timing? {
        let given = ["start", "month", "window"].filter { m[$0] != nil }
        guard given.count == 1 else {
            if given.isEmpty {
                r.report(item, "A session needs one of 'start', 'month' or 'window'.")
            } else {
                r.report(m[given[1]], "A session has one of 'start', 'month' or 'window', not \(given.map { "'\($0)'" }.joined(separator: " and ")).")
            }
            return nil
        }
        switch given[0] {
        case "start":
            guard let text = r.string(m["start"], "The start") else { return nil }
            guard let t = LocalDateTime(iso: text) else {
                r.report(m["start"], "The start '\(Excerpt.of(text))' is not a local date and time (e.g. '2012-10-26T10:30:00').")
                return nil
            }
            return r.inSupportedYears(t.date, at: m["start"], "The start").map { _ in .fixed(t) }
        case "month":
            guard let text = r.string(m["month"], "The month") else { return nil }
            let parts = text.split(separator: "-")
            guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let y = Int(parts[0]), let mo = Int(parts[1]),
                  (1...12).contains(mo) else {
                r.report(m["month"], "The month '\(Excerpt.of(text))' should be written YYYY-MM (e.g. '2012-10').")
                return nil
            }
            guard SupportedYears.range.contains(y) else {
                r.report(m["month"], SupportedYears.refusal("The month", text))
                return nil
            }
            return .month(year: y, month: mo)
        default:
            guard let w = r.mapping(m["window"], "The window", allowed: ["from", "to"], required: ["from", "to"]) else { return nil }
            let dates = ["from", "to"].map { r.date(w[$0], "The window's '\($0)'") }
            guard let from = dates[0], let to = dates[1] else { return nil }
            guard from <= to else {
                r.report(w["to"], "The window ends (\(to)) before it starts (\(from)).")
                return nil
            }
            return .window(from: from, to: to)
        }
    }

    private static func readStages(_ node: YAMLNode?, _ r: inout YAMLReader) -> [Stage]? {
        guard let names = r.strings(node, "The stages") else { return nil }
        let stages = names.compactMap(Stage.init(rawValue:))
        guard stages.count == names.count, !stages.isEmpty else {
            r.report(node, "Stages are some of plan, hold, writeup, disseminate.")
            return nil
        }
        guard stages == stages.sorted(), Set(stages).count == stages.count else {
            r.report(node, "Stages must be listed once each, in the order plan, hold, writeup, disseminate.")
            return nil
        }
        return stages
    }

    private static func readAttendees(_ node: YAMLNode?, _ r: inout YAMLReader) -> Session.Attendees {
        guard let node else { return .all }
        if node.string != nil, r.string(node, "The attendees") == "all" { return .all }
        return .members(r.strings(node, "The attendees") ?? [])
    }

    /// Ids become parts of UIDs, Message-IDs and file names (`export --dir` writes `DIR/<series>/`,
    /// `writeups/<session>.md`), so they are kept to a safe alphabet without `.`: a UID is
    /// `<session>.<series>@<uid-domain>`, so with dots allowed series `x`'s session `a.b` and
    /// series `b.x`'s session `a` would share one (and `..` or `.hidden` would name a folder
    /// above or a file a listing hides).
    private static func identifier(_ node: YAMLNode?, _ what: String, _ r: inout YAMLReader) -> String? {
        guard let text = r.string(node, what) else { return nil }
        guard !text.contains(".") else {
            r.report(node, "\(what) '\(Excerpt.of(text))' may not hold '.': it separates the session from the series in "
                + "calendar UIDs and Message-IDs, so a dotted id could name another series' session. Use '-' or '_'.")
            return nil
        }
        guard text.utf8.allSatisfy(isIdentifierByte) else {
            r.report(node, "\(what) '\(Excerpt.of(text))' may hold only letters, digits, '-' and '_'.")
            return nil
        }
        return text
    }

    /// An ASCII letter or digit, `-` or `_`: a byte, as any other byte is part of a character
    /// an id may not hold.
    private static func isIdentifierByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "_"): true
        default: false
        }
    }
}
