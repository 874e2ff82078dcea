import CalendarTime
import Mustache
import RoundTableCore
import RoundTableDocuments

/// The series' page, for anyone with its address: the series report as `report --html --public`
/// renders it (the timeline with its table, every session with its stages and what is late, the
/// learning points of the sessions already disseminated, without the group-only areas), led by
/// the next session and the links to subscribe to the series' feed. Who is coming is named as the
/// public report names people: the organiser and the rapporteurs by name, others as "a member".
enum SeriesPage {
    static func render(_ snapshot: SeriesSnapshot, now: Int, base: String) throws -> Page {
        let schedule = snapshot.schedule
        let zone = schedule.zone
        let asOf = zone.localTime(at: now).date
        let timelines = Timeline.compute(schedule, completions: snapshot.records.completions)
        let disseminated = Set(timelines.filter { $0.deadline(.disseminate)?.done != nil }.map(\.session.id))
        let writeups = snapshot.writeups.filter { disseminated.contains($0.key) }
        let feed = "\(base)/feeds/\(schedule.series.id).ics"
        var lead: [String: Any] = ["asOf": asOf.description, "https": feed, "webcal": BaseURL.webcal(feed), "zone": schedule.series.timezone]
        if let next = nextSession(schedule, after: now) {
            let coming = SessionAnswers(snapshot.records).of(next, in: schedule).filter(\.isComing)
            lead["next"] = [
                "title": "\(next.id): \(SessionText.title(next))",
                "when": SessionText.when(next, zone: zone),
                "where": next.location ?? "place to be fixed",
                "coming": coming.isEmpty ? "nobody has said yet"
                    : coming.map { ReportAudience.public.name(of: $0.member.id, in: schedule) }.joined(separator: ", "),
            ]
        }
        let html = SeriesReport.html(schedule, timelines: timelines, records: snapshot.records, writeups: writeups, asOf: asOf,
                                     timelineSVG: TimelineSVG.render(schedule, timelines: timelines, asOf: asOf),
                                     audience: .public, lead: template.render(lead))
        return try Page(html: html)
    }

    /// The first session not cancelled whose start is still to come.
    static func nextSession(_ schedule: Schedule, after now: Int) -> Session? {
        schedule.sessions.filter { session in
            guard !session.isCancelled, let start = session.timing.start else { return false }
            return schedule.zone.instant(of: start) >= now
        }.min { schedule.zone.instant(of: $0.timing.start!) < schedule.zone.instant(of: $1.timing.start!) }
    }

    // Every value goes through `{{…}}`, which escapes it for HTML.
    private static let template = try! MustacheTemplate(string: """
        <section id="next" aria-labelledby="next-heading">
        <h2 id="next-heading">Next session</h2>
        {{#next}}
        <h3>{{title}}</h3>
        <dl>
        <dt>When</dt><dd>{{when}} ({{zone}})</dd>
        <dt>Where</dt><dd>{{where}}</dd>
        <dt>Coming</dt><dd>{{coming}}</dd>
        </dl>
        {{/next}}
        {{^next}}
        <p>No session with a fixed day is still to come.</p>
        {{/next}}
        </section>
        <section id="subscribe" aria-labelledby="subscribe-heading">
        <h2 id="subscribe-heading">Subscribe</h2>
        <p><a href="{{webcal}}">Add the series to your calendar</a>, or copy this address into your calendar application:</p>
        <p><code>{{https}}</code></p>
        </section>
        """)
}
