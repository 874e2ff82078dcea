import CalendarTime
import ICalendar

/// Builds the METHOD:PUBLISH calendar of a series: its sessions and its deadlines.
///
/// Deadlines go out twice on purpose: as all-day VEVENTs, because Outlook and Google Calendar
/// ignore VTODO, and as VTODOs for task clients. A stage's deadline event leaves the feed once
/// the stage is done; its VTODO stays, marked COMPLETED, so task lists tick it off.
public struct FeedBuilder: Sendable {
    public let schedule: Schedule
    public let timelines: [SessionTimeline]
    /// When the feed is made, in UTC: every DTSTAMP.
    public let stamp: LocalDateTime
    public var includeTodos = true
    /// Open actions appear like deadlines, on their due day; done ones are left out.
    public var actions: [Action] = []

    public init(schedule: Schedule, timelines: [SessionTimeline], stamp: LocalDateTime) {
        self.schedule = schedule
        self.timelines = timelines
        self.stamp = stamp
    }

    /// The whole series, or only what concerns one member: sessions they take part in and
    /// deadlines they own.
    public func calendar(for member: Member? = nil) throws -> Component {
        let zone = schedule.zone
        var calendar = header(named: name(for: member), zone: zone)

        let items = items(for: member, zone: zone)
        if let (first, last) = Self.span(of: items) {
            calendar.components.append(TimeZoneComponent.make(zone, covering: first, through: last))
        }
        calendar.components += items.map(\.component)
        return calendar
    }

    /// The text of `calendar(for:)` for each of `members` (nil: the whole series), as
    /// `export --dir` writes them: the same bytes, but each session's event, deadline and action
    /// written once and shared by every feed it is in, where writing each feed on its own wrote
    /// a session's event again for each of its twenty members.
    public func texts(for members: [Member?]) throws -> [String] {
        let zone = schedule.zone
        let items = items(for: nil, zone: zone)
        let written = try items.map { try $0.component.serialized() }
        var zoneTexts: [[LocalDate]: String] = [:]
        return try members.map { member in
            let calendar = header(named: name(for: member), zone: zone)
            let chosen = items.indices.filter { index in member.map { items[index].audience.contains($0.id) } ?? true }
            var texts: [String] = []
            texts.reserveCapacity(chosen.count + 1)
            if let (first, last) = Self.span(of: chosen.map { items[$0] }) {
                if zoneTexts[[first, last]] == nil {
                    zoneTexts[[first, last]] = try TimeZoneComponent.make(zone, covering: first, through: last).serialized()
                }
                texts.append(zoneTexts[[first, last]]!)
            }
            texts += chosen.map { written[$0] }
            return try calendar.serialized(withComponentTexts: texts)
        }
    }

    /// The first and last days of what a feed holds, which its VTIMEZONE must cover.
    private static func span(of items: [Item]) -> (LocalDate, LocalDate)? {
        let days = items.flatMap(\.days)
        guard let first = days.min(), let last = days.max() else { return nil }
        return (first, last)
    }

    /// What a calendar client shows the calendar as: the series' title, and the member's name.
    public func name(for member: Member? = nil) -> String {
        member.map { "\(schedule.series.title) (\($0.name))" } ?? schedule.series.title
    }

    /// The same components as `calendar(for:)`, each as a calendar of its own, as a CalDAV
    /// collection holds them (RFC 4791: one UID per resource, no METHOD). A session carries the
    /// VTIMEZONE of its own day only, so moving another session never changes it; deadlines are
    /// whole days and need none.
    public func resources(for member: Member? = nil) throws -> [CalendarResource] {
        let zone = try ZoneRules(identifier: schedule.series.timezone)
        return try items(for: member, zone: zone).map { item in
            var calendar = Self.header()
            if item.localTime, let first = item.days.min(), let last = item.days.max() {
                calendar.components.append(TimeZoneComponent.make(zone, covering: first, through: last))
            }
            calendar.components.append(item.component)
            return try CalendarResource(uid: item.uid, calendar: calendar)
        }
    }

    /// One component of the feed: its UID, the days it spans, whether its times are local
    /// (and so need the zone's VTIMEZONE) rather than whole days, and the members whose own
    /// feeds have it.
    private struct Item {
        let uid: String
        let component: Component
        let days: [LocalDate]
        let localTime: Bool
        let audience: Set<String>
    }

    /// A feed's own properties: what a client subscribing to it needs to name and refresh it.
    private func header(named name: String, zone: ZoneRules) -> Component {
        var calendar = Self.header()
        calendar.add("METHOD", .text("PUBLISH"))
        calendar.add("NAME", .text(name))
        calendar.add("X-WR-CALNAME", .text(name))
        calendar.add("X-WR-TIMEZONE", .text(zone.identifier))
        calendar.add("REFRESH-INTERVAL", .duration("PT12H"), [Parameter("VALUE", "DURATION")])
        calendar.add("X-PUBLISHED-TTL", .duration("PT12H"))
        return calendar
    }

    /// What every calendar we publish starts with.
    private static func header() -> Component {
        var calendar = Component("VCALENDAR")
        calendar.add("PRODID", .text("-//roundtable//roundtable 1.0//EN"))
        calendar.add("VERSION", .text("2.0"))
        calendar.add("CALSCALE", .text("GREGORIAN"))
        return calendar
    }

    /// Sessions, then each session's deadlines, then open actions, as the feed lists them: all
    /// of them for the series (nil), or those in the member's audience.
    private func items(for member: Member?, zone: ZoneRules) -> [Item] {
        var items: [Item] = []
        for timeline in timelines {
            let session = timeline.session
            if let start = session.timing.start {
                // Whom the session involves: invited, facilitating or writing it up.
                let involved = Set(schedule.attendees(of: session).map(\.id) + session.facilitators + session.rapporteurs)
                if member.map({ involved.contains($0.id) }) ?? true {
                items.append(Item(uid: FeedBuilder.uid(of: session, in: schedule.series),
                                  component: SessionEvent.make(session, in: schedule, start: start, zone: zone, stamp: stamp),
                                      days: [start.date], localTime: true, audience: involved))
                }
            }
            for deadline in timeline.stages {
                let owners = schedule.owners(of: deadline.stage, in: session)
                let audience = Set(owners.map(\.id))
                guard member.map({ audience.contains($0.id) }) ?? true else { continue }
                let title = SessionText.deadlineTitle(deadline.stage, session)
                let description = SessionText.deadlineDescription(deadline.stage, session, owners: owners)
                if deadline.done == nil {
                    let uid = uid("\(deadline.stage.rawValue)-due", session)
                    items.append(Item(uid: uid, component: dayEvent(uid: uid, on: deadline.due, title: title, description: description),
                                      days: [deadline.due], localTime: false, audience: audience))
                }
                if includeTodos {
                    let uid = uid(deadline.stage.rawValue, session)
                    items.append(Item(uid: uid, component: todo(uid: uid, due: deadline.due, done: deadline.done, title: title,
                                                                description: description),
                                      days: [deadline.due], localTime: false, audience: audience))
                }
            }
        }
        for action in actions where action.isOpen {
            let owner = schedule.member(action.owner)
        // A member's feed has her open actions up to the day she left, none after.
            let audience: Set<String> = owner.map { $0.belongs(on: action.due) ? [$0.id] : [] } ?? []
            guard member.map({ audience.contains($0.id) }) ?? true else { continue }
            let title = "Action \(action.id) due: \(action.text)"
            let description = "Agreed at \(action.session). Owner: \(owner?.name ?? "")"
            let uid = "\(action.id).actions.\(schedule.series.id)@\(schedule.series.uidDomain)"
            items.append(Item(uid: "due-" + uid, component: dayEvent(uid: "due-" + uid, on: action.due, title: title, description: description),
                              days: [action.due], localTime: false, audience: audience))
            if includeTodos {
                items.append(Item(uid: uid, component: todo(uid: uid, due: action.due, done: nil, title: title, description: description),
                                  days: [action.due], localTime: false, audience: audience))
            }
        }
        return items
    }

    /// `<session>.<series>@<domain>`: stable, so a feed and an invitation of one session merge.
    public static func uid(of session: Session, in series: Series) -> String {
        "\(session.id).\(series.id)@\(series.uidDomain)"
    }

    private func uid(_ prefix: String, _ session: Session) -> String {
        prefix + "." + FeedBuilder.uid(of: session, in: schedule.series)
    }

    /// An all-day entry, shown but not blocking time: how Outlook and Google show a due date.
    private func dayEvent(uid: String, on day: LocalDate, title: String, description: String) -> Component {
        var e = Component("VEVENT")
        e.add("UID", .text(uid))
        e.add("DTSTAMP", .utcDateTime(stamp))
        e.add("DTSTART", .date(day))
        e.add("DTEND", .date(day.adding(days: 1)))
        e.add("SUMMARY", .text(title))
        e.add("DESCRIPTION", .text(description))
        e.add("TRANSP", .text("TRANSPARENT"))
        return e
    }

    private func todo(uid: String, due: LocalDate, done: LocalDate?, title: String, description: String) -> Component {
        var t = Component("VTODO")
        t.add("UID", .text(uid))
        t.add("DTSTAMP", .utcDateTime(stamp))
        t.add("DUE", .date(due))
        t.add("SUMMARY", .text(title))
        t.add("DESCRIPTION", .text(description))
        if let done {
            t.add("STATUS", .text("COMPLETED"))
            t.add("COMPLETED", .utcDateTime(LocalDateTime(date: done, hour: 12, minute: 0)!))
        } else {
            t.add("STATUS", .text("NEEDS-ACTION"))
        }
        return t
    }
}
