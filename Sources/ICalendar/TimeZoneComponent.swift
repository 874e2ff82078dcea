import CalendarTime
import Synchronization

/// Builds the VTIMEZONE that a calendar in a series' zone carries.
///
/// libical on Debian only offers its built-in zones under a `/freeassociation.sourceforge.net/`
/// TZID that Outlook and Google do not recognise, so the component is derived here from the
/// system's zoneinfo: one STANDARD and one DAYLIGHT observance with a yearly RRULE where the
/// zone follows a fixed rule (what Outlook expects), and RDATE lists where it does not.
public enum TimeZoneComponent {
    /// A VTIMEZONE correct for every instant from a year before `first` to a year after `last`.
    ///
    /// Kept once made: it depends only on the zone and the years, and working it out asks the
    /// system for thousands of offsets, while an organisation's thousands of feeds share a few zones.
    public static func make(_ rules: ZoneRules, covering first: LocalDate, through last: LocalDate) -> Component {
        let key = Span(zone: rules.identifier, firstYear: first.year, lastYear: last.year)
        if let made = made.withLock({ $0[key] }) { return made }
        let component = build(rules, covering: first, through: last)
        made.withLock { $0[key] = component }
        return component
    }

    private struct Span: Hashable {
        let zone: String
        let firstYear: Int
        let lastYear: Int
    }

    private static let made = Mutex<[Span: Component]>([:])

    private static func build(_ rules: ZoneRules, covering first: LocalDate, through last: LocalDate) -> Component {
        let start = LocalDate(year: first.year - 1, month: 1, day: 1)!
        let end = LocalDate(year: last.year + 2, month: 1, day: 1)!
        let lookAhead = LocalDate(year: last.year + 4, month: 1, day: 1)!
        let span = rules.transitions(from: start.daysSinceEpoch * 86_400, to: end.daysSinceEpoch * 86_400)
        let beyond = rules.transitions(from: end.daysSinceEpoch * 86_400, to: lookAhead.daysSinceEpoch * 86_400)

        var vtimezone = Component("VTIMEZONE")
        vtimezone.add("TZID", .text(rules.identifier))
        guard !span.isEmpty else {
            let offset = rules.offset(at: start.daysSinceEpoch * 86_400)
            vtimezone.components = [observance("STANDARD", onset: LocalDateTime(secondsSinceEpoch: 0),
                                               from: offset, to: offset, name: nil)]
            return vtimezone
        }
        let groups = Dictionary(grouping: span) { GroupKey(daylight: $0.isDaylight, from: $0.offsetBefore, to: $0.offsetAfter) }
        vtimezone.components = groups.keys.sorted().map { key in
            let members = groups[key]!
            let onsets = members.map { LocalDateTime(secondsSinceEpoch: $0.instant + $0.offsetBefore) }
            var component = observance(key.daylight ? "DAYLIGHT" : "STANDARD", onset: onsets[0],
                                       from: key.from, to: key.to, name: members[0].abbreviation)
            if onsets.count > 1, let rule = YearlyRule(onsets) {
                let continues = beyond.contains { key == GroupKey(daylight: $0.isDaylight, from: $0.offsetBefore, to: $0.offsetAfter) }
                    && beyond.filter { $0.isDaylight == key.daylight }
                        .allSatisfy { rule.matches(LocalDateTime(secondsSinceEpoch: $0.instant + $0.offsetBefore)) }
                let until = continues ? "" : ";UNTIL=" + LocalDateTime(secondsSinceEpoch: members.last!.instant).compact + "Z"
                component.add("RRULE", .recurrence(rule.text + until))
            } else {
                for onset in onsets.dropFirst() { component.add("RDATE", .localDateTime(onset)) }
            }
            return component
        }
        return vtimezone
    }

    private struct GroupKey: Hashable, Comparable {
        let daylight: Bool
        let from: Int
        let to: Int
        static func < (a: GroupKey, b: GroupKey) -> Bool {
            (a.daylight ? 1 : 0, a.from, a.to) < (b.daylight ? 1 : 0, b.from, b.to)
        }
    }

    private static func observance(_ name: String, onset: LocalDateTime, from: Int, to: Int, name abbreviation: String?) -> Component {
        var c = Component(name)
        c.add("DTSTART", .localDateTime(onset))
        c.add("TZOFFSETFROM", .utcOffset(from))
        c.add("TZOFFSETTO", .utcOffset(to))
        // ICU names some offsets only as "GMT+1"; a TZNAME like that helps no one, so leave it out.
        if let abbreviation, !abbreviation.isEmpty, abbreviation.allSatisfy(\.isLetter) {
            c.add("TZNAME", .text(abbreviation))
        }
        return c
    }

    /// "The last Sunday of October at 02:00", inferred from consecutive yearly onsets.
    private struct YearlyRule {
        let month: Int
        let weekday: Int
        let ordinal: Int
        let hour: Int, minute: Int, second: Int

        init?(_ onsets: [LocalDateTime]) {
            let first = onsets[0]
            month = first.date.month
            weekday = first.date.isoWeekday
            (hour, minute, second) = (first.hour, first.minute, first.second)
            let nth = Set(onsets.map { ($0.date.day - 1) / 7 + 1 })
            let last = onsets.allSatisfy { $0.date.day + 7 > LocalDate.daysIn(year: $0.date.year, month: $0.date.month) }
            if nth.count == 1, nth.first! <= 4 { ordinal = nth.first! } else if last { ordinal = -1 } else { return nil }
            let years = onsets.map { $0.date.year }
            guard years == Array(years[0]..<(years[0] + onsets.count)), onsets.allSatisfy(matches) else { return nil }
        }

        func matches(_ t: LocalDateTime) -> Bool {
            let d = t.date
            let ordinalFits = ordinal == -1
                ? d.day + 7 > LocalDate.daysIn(year: d.year, month: d.month)
                : (d.day - 1) / 7 + 1 == ordinal
            return d.month == month && d.isoWeekday == weekday && ordinalFits
                && (t.hour, t.minute, t.second) == (hour, minute, second)
        }

        var text: String {
            let days = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
            return "FREQ=YEARLY;BYMONTH=\(month);BYDAY=\(ordinal)\(days[weekday - 1])"
        }
    }
}
