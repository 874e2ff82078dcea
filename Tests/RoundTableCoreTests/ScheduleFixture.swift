import CalendarTime
@testable import RoundTableCore

/// A small schedule in the AJC shape, written as a person would, for tests to vary.
enum ScheduleFixture {
    static let yaml = """
    series:
      id: plg
      title: Pilot learning group
      timezone: Europe/London
      organiser: coord
      uid-domain: example.org
      discussion-areas: [Technical issues, Cultural issues]
    policy:
      invite-lead: P28D
      writeup-within: P14D
      disseminate-within: P21D
      papers-before-seminar: P14D
    members:
      - {id: coord, name: Alex Morgan, email: alex@example.org, sector: public}
      - {id: sam, name: Sam Patel, email: sam@example.org, sector: voluntary}
    sessions:
      - id: rt4
        kind: roundtable
        subject: Balancing interests
        location: Poole
        start: 2012-10-26T10:30:00
        facilitator: coord
        rapporteur: sam
      - id: rt5
        kind: roundtable
        subject: Influences
        location: Luton
        start: 2012-12-06T10:30:00
        rapporteur: sam
      - id: seminar
        kind: seminar
        subject: Findings
        window: {from: 2013-01-07, to: 2013-03-29}
        requires: [rt4, rt5]
    """

    static func load(_ text: String = yaml) -> (LoadedSchedule?, [Diagnostic]) {
        ScheduleLoader.load(text, file: "plan.yaml")
    }

    static var schedule: Schedule { load().0!.schedule }

    static func date(_ s: String) -> LocalDate { LocalDate(iso: s)! }
}
