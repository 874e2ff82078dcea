import Foundation
import Testing
import TestSupport

/// A small group that is not the AJC, for the messages that tell people what changed for them:
/// four members, three evening meetings in autumn 2026, Joanne coordinating.
enum SmallGroup {
    static let schedule = """
        series:
          id: rrc-2026
          title: Riverside Reading Circle
          timezone: Europe/London
          organiser: jo
          uid-domain: rrc.example.org
        policy:
          invite-lead: P28D
          writeup-within: P14D
          remind-before: [P7D, P1D]
          overdue-every: P7D
          default-duration: PT2H
        members:
          - {id: jo, name: Joanne Ashworth, email: jo@rrc.example.org}
          - {id: niamh, name: Niamh Kelly, email: niamh@rrc.example.org}
          - {id: omar, name: Omar Haddad, email: omar@rrc.example.org}
          - {id: pat, name: Pat Lee, email: pat@rrc.example.org}
        sessions:
          - {id: s1, kind: meeting, subject: Opening night, location: Library, start: 2026-09-15T18:00:00, facilitator: jo, rapporteur: omar, attendees: all}
          - {id: s2, kind: meeting, subject: Short stories, location: Library, start: 2026-10-13T18:00:00, facilitator: jo, rapporteur: niamh, attendees: all}
          - {id: s3, kind: meeting, subject: Poetry, location: Library, start: 2026-11-10T18:00:00, facilitator: jo, rapporteur: pat, attendees: all}

        """

    /// A workspace whose schedule is the group's, with each `(old, new)` replaced.
    static func workspace(replacing replacements: [(String, String)] = []) throws -> Workspace {
        let folder = try temporaryDirectory()
        let path = folder.appendingPathComponent("rrc.yaml").path
        try edited(replacements).write(toFile: path, atomically: true, encoding: .utf8)
        return try Workspace(["ROUNDTABLE_SCHEDULE": path, "ROUNDTABLE_NOW": "2026-09-01T08:00:00Z"])
    }

    /// The schedule with each `(old, new)` replaced; each old text must be there.
    static func edited(_ replacements: [(String, String)]) -> String {
        replacements.reduce(schedule) { text, pair in
            precondition(text.contains(pair.0), "the schedule has no '\(pair.0)'")
            return text.replacingOccurrences(of: pair.0, with: pair.1)
        }
    }

    /// Rewrites the workspace's schedule with each `(old, new)` replaced.
    static func change(_ workspace: Workspace, _ replacements: [(String, String)]) throws {
        let path = try #require(workspace.env["ROUNDTABLE_SCHEDULE"])
        var text = try String(contentsOfFile: path, encoding: .utf8)
        for (old, new) in replacements {
            #expect(text.contains(old), "the schedule has no '\(old)'")
            text = text.replacingOccurrences(of: old, with: new)
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// A reply from `member` to `session` at `sequence`: a bare calendar, or (with `text`) an email
    /// whose text part is `text`, as a person writes above what she answers.
    static func reply(_ member: String, _ answer: String, session: String, sequence: Int = 0, stamp: String,
                      comment: String? = nil, text: String? = nil, in folder: URL) throws -> String {
        let lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test Client//EN", "METHOD:REPLY", "BEGIN:VEVENT",
                     "UID:\(session).rrc-2026@rrc.example.org", "DTSTAMP:\(stamp)", "SEQUENCE:\(sequence)",
                     "ORGANIZER:mailto:jo@rrc.example.org", "ATTENDEE;PARTSTAT=\(answer):mailto:\(member)@rrc.example.org"]
            + (comment.map { ["COMMENT:\($0)"] } ?? []) + ["END:VEVENT", "END:VCALENDAR", ""]
        let calendar = lines.joined(separator: "\r\n")
        guard let text else { return try ReplyFile.write(calendar, in: folder, ext: "ics") }
        let email = ["From: \(member) <\(member)@rrc.example.org>", "To: jo@rrc.example.org", "Subject: Re: Invitation", "MIME-Version: 1.0",
                     "Content-Type: multipart/mixed; boundary=\"b1\"", "", "--b1", "Content-Type: text/plain; charset=UTF-8",
                     "Content-Transfer-Encoding: quoted-printable", "", text.replacingOccurrences(of: "\n", with: "\r\n"), "--b1",
                     "Content-Type: text/calendar; method=REPLY; charset=UTF-8", "", calendar, "--b1--", ""]
        return try ReplyFile.write(email.joined(separator: "\r\n"), in: folder, ext: "eml")
    }

    /// The messages in `outbox` (newest run's included), read by Python's email with policy=strict.
    static func mails(in outbox: URL, matching: (String) -> Bool = { _ in true }) throws -> [StrictMail] {
        let files = try FileManager.default.contentsOfDirectory(at: outbox, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "eml" && matching($0.lastPathComponent) }.sorted { $0.path < $1.path }
        guard !files.isEmpty else { return [] }
        let run = try peer("/usr/bin/python3", [peerScript("read_strict.py")] + files.map(\.path))
        #expect(run.status == 0, "\(run.stderr)")
        let mails = try JSONDecoder().decode([StrictMail].self, from: Data(run.stdout.utf8))
        for mail in mails { #expect(mail.problems.isEmpty, "\(mail.file): \(mail.problems)") }
        return mails
    }

    /// Checks `text` against the golden file `name` in Tests/EndToEndTests/Golden; with
    /// ROUNDTABLE_UPDATE_GOLDEN=1 in the test's environment, writes it instead (then review the diff).
    static func expectGolden(_ text: String?, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = repositoryRoot.appendingPathComponent("Tests/EndToEndTests/Golden/\(name)")
        if ProcessInfo.processInfo.environment["ROUNDTABLE_UPDATE_GOLDEN"] == "1", let text {
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let golden = try String(contentsOf: url, encoding: .utf8)
        #expect(text == golden, "\(name) differs; sent:\n\(text ?? "nothing")", sourceLocation: sourceLocation)
    }
}

/// A message as Python's email package reads it with policy=strict (Peers/read_strict.py).
struct StrictMail: Decodable {
    let file: String
    let subject: String?
    let to: String?
    let plain: String?
    /// The text/calendar part, decoded.
    let calendar: String?
    let method: String?
    let sequence: Int?
    let status: String?
    /// Each ATTENDEE: address, PARTSTAT, RSVP.
    let attendees: [[String?]]?
    let problems: [String]
}
