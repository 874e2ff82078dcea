import ICalendar

/// Builds the METHOD:PUBLISH calendar of a series: its sessions and its deadlines.
///
/// Deadlines go out twice on purpose: as all-day VEVENTs, because Outlook and Google Calendar
/// ignore VTODO, and as VTODOs for task clients. A stage's deadline event leaves the feed once
/// the stage is done; its VTODO stays, marked COMPLETED, so task lists tick it off.
public struct FeedBuilder {
    public let schedule: Schedule
    public let timelines: [SessionTimeline]
    /// When the feed is made, in UTC: every DTSTAMP.
    public let stamp: LocalDateTime
    public var includeTodos = true

    public init(schedule: Schedule, timelines: [SessionTimeline], stamp: LocalDateTime) {
        self.schedule = schedule
        self.timelines = timelines
        self.stamp = stamp
    }

    /// The whole series, or only what concerns one member: sessions they take part in and
    /// deadlines they own.
    public func calendar(for member: Member? = nil) throws -> Component {
        let zone = try ZoneRules(identifier: schedule.series.timezone)
        var calendar = Component("VCALENDAR")
        calendar.add("PRODID", .text("-//roundtable//roundtable 1.0//EN"))
        calendar.add("VERSION", .text("2.0"))
        calendar.add("CALSCALE", .text("GREGORIAN"))
        calendar.add("METHOD", .text("PUBLISH"))
        let name = member.map { "\(schedule.series.title) (\($0.name))" } ?? schedule.series.title
        calendar.add("NAME", .text(name))
        calendar.add("X-WR-CALNAME", .text(name))
        calendar.add("X-WR-TIMEZONE", .text(zone.identifier))
        calendar.add("REFRESH-INTERVAL", .duration("PT12H"), [Parameter("VALUE", "DURATION")])
        calendar.add("X-PUBLISHED-TTL", .duration("PT12H"))

        var items: [Component] = []
        var days: [LocalDate] = []
        for timeline in timelines {
            let session = timeline.session
            if let start = session.timing.start, member.map({ schedule.involves($0, in: session) }) ?? true {
                items.append(event(for: session, start: start, zone: zone))
                days.append(start.date)
            }
            for deadline in timeline.stages {
                let owners = schedule.owners(of: deadline.stage, in: session)
                guard member.map(owners.contains) ?? true else { continue }
                if deadline.done == nil { items.append(deadlineEvent(deadline, session: session, owners: owners)) }
                if includeTodos { items.append(todo(deadline, session: session, owners: owners)) }
                days.append(deadline.due)
            }
        }
        if let first = days.min(), let last = days.max() {
            calendar.components.append(TimeZoneComponent.make(zone, covering: first, through: last))
        }
        calendar.components += items
        return calendar
    }

    /// `<session>.<series>@<domain>`: stable, so a feed and an invitation of one session merge.
    public static func uid(of session: Session, in series: Series) -> String {
        "\(session.id).\(series.id)@\(series.uidDomain)"
    }

    private func uid(_ prefix: String, _ session: Session) -> String {
        prefix + "." + FeedBuilder.uid(of: session, in: schedule.series)
    }

    private func event(for session: Session, start: LocalDateTime, zone: ZoneRules) -> Component {
        let end = zone.localTime(at: zone.instant(of: start) + session.duration.totalSeconds)
        let tzid = [Parameter("TZID", zone.identifier)]
        var e = Component("VEVENT")
        e.add("UID", .text(FeedBuilder.uid(of: session, in: schedule.series)))
        e.add("DTSTAMP", .utcDateTime(stamp))
        e.add("DTSTART", .localDateTime(start), tzid)
        e.add("DTEND", .localDateTime(end), tzid)
        e.add("SUMMARY", .text(SessionText.title(session)))
        if let location = session.location { e.add("LOCATION", .text(location)) }
        e.add("DESCRIPTION", .text(SessionText.description(session, in: schedule)))
        e.add("ORGANIZER", .calAddress("mailto:" + schedule.organiser.email), [Parameter("CN", schedule.organiser.name)])
        e.add("STATUS", .text(session.isCancelled ? "CANCELLED" : "CONFIRMED"))
        e.add("TRANSP", .text("OPAQUE"))
        if !session.isCancelled {
            var alarm = Component("VALARM")
            alarm.add("ACTION", .text("DISPLAY"))
            alarm.add("TRIGGER", .duration("-P1D"))
            alarm.add("DESCRIPTION", .text("Tomorrow: " + SessionText.title(session)))
            e.components.append(alarm)
        }
        return e
    }

    private func deadlineEvent(_ deadline: StageDeadline, session: Session, owners: [Member]) -> Component {
        var e = Component("VEVENT")
        e.add("UID", .text(uid("\(deadline.stage.rawValue)-due", session)))
        e.add("DTSTAMP", .utcDateTime(stamp))
        e.add("DTSTART", .date(deadline.due))
        e.add("DTEND", .date(deadline.due.adding(days: 1)))
        e.add("SUMMARY", .text(SessionText.deadlineTitle(deadline.stage, session)))
        e.add("DESCRIPTION", .text(SessionText.deadlineDescription(deadline.stage, session, owners: owners)))
        e.add("TRANSP", .text("TRANSPARENT"))
        return e
    }

    private func todo(_ deadline: StageDeadline, session: Session, owners: [Member]) -> Component {
        var t = Component("VTODO")
        t.add("UID", .text(uid(deadline.stage.rawValue, session)))
        t.add("DTSTAMP", .utcDateTime(stamp))
        t.add("DUE", .date(deadline.due))
        t.add("SUMMARY", .text(SessionText.deadlineTitle(deadline.stage, session)))
        t.add("DESCRIPTION", .text(SessionText.deadlineDescription(deadline.stage, session, owners: owners)))
        if let done = deadline.done {
            t.add("STATUS", .text("COMPLETED"))
            t.add("COMPLETED", .utcDateTime(LocalDateTime(date: done, hour: 12, minute: 0)!))
        } else {
            t.add("STATUS", .text("NEEDS-ACTION"))
        }
        return t
    }
}
