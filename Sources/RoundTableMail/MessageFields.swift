import CalendarTime
import RoundTableCore
import RoundTableDocuments

/// The fields every message template is given, named alike in every message: the vocabulary the
/// templates word people's mail with. Swift gives facts (a name, a day, whether it is late);
/// every word a member reads around them is in a template, so a coordinator can reword it.
///
/// Days are as people read them (`HumanDate`): "Thu 17 Sep" (the year only when it is not this
/// year's), "in 7 days", "3 days ago". Internal ids are given only as `ref`, for a reply or the
/// command line. The README's "What members receive" lists these fields.
public enum MessageFields {
    /// What every message has: `group` (the short title, else the title), `series` (the title),
    /// `recipient` (her name), `organiser` (the organiser's name), `organiserEmail`, and
    /// `toOrganiser` (whether the recipient is the organiser: nobody is told to tell herself).
    public static func common(_ schedule: Schedule, to recipient: Member) -> [String: Any] {
        ["group": schedule.series.groupName, "series": schedule.series.title, "recipient": recipient.name,
         "organiser": schedule.organiser.name, "organiserEmail": schedule.organiser.email,
         "toOrganiser": recipient.id == schedule.series.organiser]
    }

    /// A session: `title` ("Round table: Localism"), `kind` ("round table"), `subject`
    /// ("Localism"), `day` ("Thu 17 Sep"), `when` ("Thu 17 Sep, 10:30–13:30 BST"), `relative`
    /// ("in 7 days"), `place` (absent while it is not fixed), `where` (the place, or "to be
    /// fixed"), `ref` (its id).
    public static func session(_ session: Session, in schedule: Schedule, today: LocalDate) -> [String: Any] {
        let when = SessionText.when(session, zone: schedule.zone, omittingYear: today.year)
        var fields: [String: Any] = [
            "title": SessionText.title(session), "kind": SessionText.kindName(session), "subject": session.subject,
            "when": when, "where": session.location ?? "to be fixed", "ref": session.id,
        ]
        if case .fixed(let start) = session.timing {
            fields["day"] = HumanDate.day(start.date, from: today)
            fields["relative"] = HumanDate.relative(start.date, from: today)
        } else {
            fields["day"] = when
        }
        if let place = session.location { fields["place"] = place }
        return fields
    }

    /// A day something is due: `due` ("Thu 17 Sep"), `relative` ("in 7 days", "3 days ago"),
    /// `late` (it was due before today).
    public static func due(_ date: LocalDate, today: LocalDate) -> [String: Any] {
        ["due": HumanDate.day(date, from: today), "relative": HumanDate.relative(date, from: today), "late": date < today]
    }

    /// A task someone owes, for `templates/task.mustache` to word: one of the flags `plan`,
    /// `hold`, `writeup`, `disseminate`, `attendance`, `action` true (each is present, so none is
    /// taken from an enclosing section), `text` (an action's text; for a stage, the coordinator's
    /// description, kept for templates written before), `session` (its fields), the `due`
    /// fields, `ref` (the action's id, or what `advance` takes: "rt4 writeup"), and `who` (the
    /// owners' names; absent when there are none).
    public static func task(_ kind: TaskKind, text: String, session: Session?, due: LocalDate, owners: [String],
                            in schedule: Schedule, today: LocalDate) -> [String: Any] {
        var fields = Self.due(due, today: today)
        for each in Stage.allCases { fields[each.rawValue] = kind == .stage(each) }
        fields["attendance"] = kind == .attendance
        fields["text"] = text
        fields["session"] = session.map { Self.session($0, in: schedule, today: today) } ?? [:]
        switch kind {
        case .action(let id):
            fields["action"] = true
            fields["ref"] = id
        case .stage(let stage):
            fields["action"] = false
            fields["ref"] = session.map { "\($0.id) \(stage.rawValue)" } ?? ""
        case .attendance:
            fields["action"] = false
            fields["ref"] = session?.id ?? ""
        }
        let who = owners.compactMap(schedule.member).map(\.name)
        if !who.isEmpty { fields["who"] = who.joined(separator: ", ") }
        return fields
    }

    /// What a task is: a stage of its session, an action (its id), or recording who came.
    public enum TaskKind: Equatable, Sendable {
        case stage(Stage), action(String), attendance
    }

    /// The one-line subject a `*.subject` template renders: its lines joined, its runs of spaces
    /// made one, so a template may be laid out on several lines.
    static func subject(_ templates: Templates, _ name: Templates.Name, _ context: [String: Any]) -> String {
        templates.render(name, context).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
