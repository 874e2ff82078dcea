import CalendarTime
import Mustache
import RoundTableCore

/// A member's own page, at her secret link: her sessions with her answer to each and the buttons
/// to answer, her open actions with their due days, and her feed. Plain HTML with one inline
/// style (allowed by its hash), no script; the buttons are a form that posts, so following the
/// link (a mail scanner does) records nothing.
enum MemberPage {
    static func render(_ snapshot: SeriesSnapshot, member: Member, token: String, now: Int, base: String, notice: String?) throws -> Page {
        let schedule = snapshot.schedule
        let zone = schedule.zone
        let asOf = zone.localTime(at: now).date
        let answers = SessionAnswers(snapshot.records)
        let rules = ReplyRules(schedule: schedule, invitations: snapshot.records.invitations.map(\.item), now: LocalDateTime(secondsSinceEpoch: now))
        // What is still to come first (a tentative session too), then what is past.
        let isPast = { (session: Session) in session.timing.start.map { zone.instant(of: $0) <= now } ?? false }
        let ordered = schedule.sessions.filter { !isPast($0) } + schedule.sessions.filter(isPast)
        let sessions: [[String: Any]] = ordered.compactMap { session in
            guard let mine = answers.of(session, in: schedule).first(where: { $0.member.id == member.id }) else { return nil }
            let answer = WebAnswer.current(for: session, member: member, snapshot: snapshot, rules: rules, now: now)
            var fields: [String: Any] = [
                "id": session.id, "title": "\(session.id): \(SessionText.title(session))", "when": SessionText.when(session, zone: zone),
                "where": session.location ?? "place to be fixed", "answer": mine.text, "cancelled": session.isCancelled, "past": isPast(session),
                "coming": answers.of(session, in: schedule).filter(\.isComing).map(\.member.name).joined(separator: ", "),
                "hasComing": answers.of(session, in: schedule).contains(where: \.isComing),
            ]
            if let answer {
                fields["form"] = ["action": "/m/\(token)/answer/\(session.id)", "token": answer.formToken]
            }
            return fields
        }
        let actions: [[String: Any]] = snapshot.records.actions.filter { $0.isOpen && $0.owner == member.id }.map { action in
            ["id": action.id, "text": action.text, "due": action.due.description, "late": action.due < asOf]
        }
        let feed = "\(base)/feeds/\(member.id).ics"
        let context: [String: Any] = [
            "name": member.name, "series": schedule.series.title, "sessions": sessions, "actions": actions, "hasActions": !actions.isEmpty,
            "https": feed, "webcal": BaseURL.webcal(feed), "seriesPage": "\(base)/", "notice": notice ?? "", "hasNotice": notice != nil, "asOf": asOf.description,
        ]
        return try Page(html: template.render(context))
    }

    // Every value goes through `{{…}}`, which escapes it for HTML.
    private static let template = try! MustacheTemplate(string: """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="no-referrer">
        <title>{{name}}: {{series}}</title>
        <style>
        body { font-family: Helvetica, Arial, sans-serif; max-width: 46em; margin: 1.5em auto; padding: 0 1em; color: #222; line-height: 1.45; }
        h1 { font-size: 1.5em; } h2 { border-bottom: 1px solid #ddd; padding-bottom: .2em; margin-top: 1.6em; }
        article { border: 1px solid #ccc; border-radius: .4em; padding: .2em 1em .8em; margin: 1em 0; }
        form { display: flex; flex-wrap: wrap; gap: .5em; }
        button { font-size: 1em; padding: .6em 1em; min-height: 44px; border: 1px solid #555; border-radius: .3em; background: #f4f4f4; cursor: pointer; }
        button:focus { outline: 3px solid #1a5fb4; outline-offset: 2px; }
        .notice { background: #e8f4e8; border: 1px solid #7a7; padding: .5em 1em; }
        .late { color: #a00; font-weight: bold; }
        code { word-break: break-all; }
        @media print { form { display: none; } body { max-width: none; margin: 0; } a { color: inherit; } }
        </style>
        </head>
        <body>
        <header>
        <h1>{{name}}</h1>
        <p>Your page in <a href="{{seriesPage}}">{{series}}</a>, as of {{asOf}}. Its address is yours alone: anyone who has it can answer for you.</p>
        </header>
        <main>
        {{#hasNotice}}<p class="notice" role="status">{{notice}}</p>{{/hasNotice}}
        <section id="sessions" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">Your sessions</h2>
        {{#sessions}}
        <article id="session-{{id}}">
        <h3>{{title}}{{#past}} <small>(past)</small>{{/past}}</h3>
        <p>{{when}} · {{where}}</p>
        {{#cancelled}}<p><strong>Cancelled.</strong></p>{{/cancelled}}
        <p>Your answer: <strong>{{answer}}</strong></p>
        {{#hasComing}}<p>Coming: {{coming}}</p>{{/hasComing}}
        {{#form}}
        <form method="post" action="{{action}}">
        <input type="hidden" name="form" value="{{token}}">
        <button type="submit" name="answer" value="ACCEPTED">I will come</button>
        <button type="submit" name="answer" value="TENTATIVE">Maybe</button>
        <button type="submit" name="answer" value="DECLINED">I cannot come</button>
        </form>
        {{/form}}
        </article>
        {{/sessions}}
        </section>
        <section id="actions" aria-labelledby="actions-heading">
        <h2 id="actions-heading">Your actions</h2>
        {{#hasActions}}
        <ul>
        {{#actions}}<li>{{id}}: {{text}} (due {{due}}{{#late}}, <span class="late">late</span>{{/late}})</li>
        {{/actions}}
        </ul>
        {{/hasActions}}
        {{^hasActions}}<p>None open.</p>{{/hasActions}}
        </section>
        <section id="feed" aria-labelledby="feed-heading">
        <h2 id="feed-heading">Your calendar</h2>
        <p><a href="{{webcal}}">Add your sessions and deadlines to your calendar</a>, or copy this address into your calendar application:</p>
        <p><code>{{https}}</code></p>
        </section>
        </main>
        </body>
        </html>

        """)
}
