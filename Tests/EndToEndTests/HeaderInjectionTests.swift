import Foundation
import Testing
import TestSupport

/// Text from the schedule, the records or the command line that ends up in a mail header (names
/// and addresses in From and To, session subjects, locations, the series title and action texts
/// in Subject) never adds a header: a line break or other control character is refused where it
/// is written, and everything else is carried, encoded, and read back whole by Python's email package.
@Suite struct HeaderInjectionTests {
    private let folder: URL
    private let outbox: URL

    init() throws {
        folder = try temporaryDirectory()
        outbox = folder.appendingPathComponent("outbox")
        #expect(try rt(["init"]).status == 0)
    }

    private func rt(_ arguments: [String], schedule: String = bundledSchedule) throws -> Run {
        try roundtable(arguments, environment: ["ROUNDTABLE_SCHEDULE": schedule,
                                                "ROUNDTABLE_STATE": folder.appendingPathComponent("state.sqlite").path])
    }

    private func sent(_ prefix: String) throws -> [ReceivedMail] {
        let files = try FileManager.default.contentsOfDirectory(atPath: outbox.path).filter { $0.hasPrefix(prefix) && $0.hasSuffix(".eml") }
        return try ReceivedMail.read(files.sorted().map { outbox.appendingPathComponent($0) })
    }

    /// The fields every message may have, each at most once; anything else (Bcc, Cc, Reply-To…) was injected.
    private static let allowedHeaders: Set<String> = ["From", "To", "Subject", "Date", "Message-ID", "MIME-Version",
                                                      "Auto-Submitted", "Content-Type", "Content-Transfer-Encoding"]

    private func expectOnlyOurHeaders(_ mail: ReceivedMail) {
        #expect(Set(mail.headers).isSubset(of: Self.allowedHeaders), "\(mail.file): \(mail.headers)")
        #expect(Set(mail.headers).count == mail.headers.count, "\(mail.file): a header twice: \(mail.headers)")
        #expect(mail.problems.isEmpty, "\(mail.file): \(mail.problems)")
    }

    /// Where each header-bound value is in the bundled schedule, and how to put `character` (a YAML
    /// double-quoted escape) and a forged field into it.
    static let fields: [(name: String, original: String, broken: @Sendable (String) -> String)] = [
        ("series title", "title: \"AJC pilot learning group: provider development\"", { "title: \"AJC pilot\($0)Bcc: all@example.org\"" }),
        ("member name", "name: Alex Morgan", { "name: \"Alex Morgan\($0)Bcc: all@example.org\"" }),
        ("member email", "email: alex.morgan@ajc.example.org", { "email: \"alex.morgan@ajc.example.org\($0)Bcc: all@example.org\"" }),
        ("session subject", "subject: \"Influences (Government, Media, Public Sector): what is the evidence base?\"",
         { "subject: \"Influences\($0)Bcc: all@example.org\"" }),
        ("location", "location: Luton", { "location: \"Luton\($0)Bcc: all@example.org\"" }),
    ]

    @Test(arguments: 0..<fields.count, ["\\r\\n", "\\n", "\\r", "\\x85", "\\u2028", "\\t", "\\x1b"])
    func checkRefusesALineBreakOrControlInEveryFieldThatReachesAHeader(field: Int, character: String) throws {
        let (name, original, broken) = Self.fields[field]
        let schedule = try scheduleCopy(replacing: [(original, broken(character))])
        let run = try rt(["check"], schedule: schedule)
        #expect(run.status == 65, "\(name): \(run.stdout)")
        #expect(run.stderr.split(separator: "\n").count == 1, "\(name): \(run.stderr)")
        #expect(run.stderr.contains("ends up in an email header, so it must be one line of printable text."), "\(name): \(run.stderr)")
        // And nothing is sent from it either.
        #expect(try rt(["invite", "rt5", "--outbox", outbox.path, "--as-of", "2012-11-08"], schedule: schedule).status == 65)
        #expect(!FileManager.default.fileExists(atPath: outbox.path))
    }

    @Test func valuesThatLookLikeHeadersAreCarriedWholeAndAddNoHeader() throws {
        let title = "AJC \\\"group\\\" Bcc: all@example.org =?UTF-8?B?QmNjOiBldmls?= <x@example.org>"
        let organiser = "Alex \\\"Bcc: all@example.org\\\" Morgan, Esq."
        let zoe = "Zoë =?UTF-8?Q?Bcc=3A_evil@example.org?= <evil@example.org>"
        let subject = "Influences; To: everyone@example.org; " + String(repeating: "very long words ", count: 20) + "end"
        let location = "Luton Cc: evil@example.org"
        let schedule = try scheduleCopy(replacing: [
            ("title: \"AJC pilot learning group: provider development\"", "title: \"\(title)\""),
            ("name: Alex Morgan", "name: \"\(organiser)\""),
            ("name: Zoë Lindqvist", "name: \"\(zoe)\""),
            ("subject: \"Influences (Government, Media, Public Sector): what is the evidence base?\"", "subject: \"\(subject)\""),
            ("location: Luton", "location: \"\(location)\""),
        ])
        let unescape = { (yaml: String) in yaml.replacingOccurrences(of: "\\\"", with: "\"") }
        #expect(try rt(["check"], schedule: schedule).status == 0)
        let invite = try rt(["invite", "rt5", "--outbox", outbox.path, "--as-of", "2012-11-08"], schedule: schedule)
        #expect(invite.status == 0, "\(invite.stderr)")
        let remind = try rt(["remind", "--as-of", "2012-11-29", "--outbox", outbox.path], schedule: schedule)
        #expect(remind.status == 0, "\(remind.stderr)")

        let invitations = try sent("invite."), reminders = try sent("remind.")
        #expect(invitations.count == 9)
        #expect(reminders.count == 10)
        for mail in invitations + reminders {
            expectOnlyOurHeaders(mail)
            #expect(mail.from_address == [unescape(organiser), "alex.morgan@ajc.example.org"], "\(mail.file)")
            #expect(!mail.to_address[1].contains("evil") && !mail.to_address[1].contains("all@"), "\(mail.file)")
        }
        for mail in invitations {
            #expect(mail.subject == "[\(unescape(title))] Invitation: Round table: \(subject), Thu 6 Dec, \(location)", "\(mail.file)")
        }
        let prefix = "[\(unescape(title))] Reminder: "
        let oneSession = prefix + "Round table: \(subject), Thu 6 Dec (in 7 days)"
        #expect(reminders.allSatisfy { $0.subject.hasPrefix(prefix) }, "\(reminders.map(\.subject))")
        #expect(reminders.contains { $0.subject.hasSuffix(" coming up") } && reminders.contains { $0.subject == oneSession })
        let toZoe = (invitations + reminders).filter { $0.to_address[1] == "zoe.lindqvist@consult.example.org" }
        #expect(toZoe.count == 2)
        // Python 3.11 keeps the folding space between two encoded words (CPython gh-128110), so
        // spaces are compared collapsed.
        let collapsed = { (text: String) in text.split(separator: " ").joined(separator: " ") }
        #expect(toZoe.allSatisfy { collapsed($0.to_address[0]) == zoe }, "\(toZoe.map(\.to_address))")
    }

    @Test func anActionTextWithALineBreakIsRefusedOnTheCommandLineAndInARecordsFile() throws {
        let add = try rt(["action", "add", "--session", "rt3", "--owner", "tom", "--text", "Call\r\nBcc: all@example.org"])
        #expect(add.status == 64)
        #expect(add.stderr.contains("The text contains a line break; it can end up in an email header"), "\(add.stderr)")
        let records = folder.appendingPathComponent("records.yaml")
        try "series: ajc-plg-2012\nactions:\n- {id: A1, session: rt3, owner: tom, text: \"Call\\u2028Bcc: all@example.org\", due: 2012-09-08}\n"
            .write(to: records, atomically: true, encoding: .utf8)
        let imported = try rt(["import", records.path])
        #expect(imported.status == 65)
        #expect(imported.stderr == "\(records.path):3:44: error: The text of A1 contains a line break; it ends up in an email header, "
                + "so it must be one line of printable text.\n")
        #expect(try rt(["action", "list"]).stdout == "No actions.\n")
    }

    @Test func anActionTextWithALineBreakRecordedBeforeTheRuleGoesOutOnOneSubjectLine() throws {
        // Tom's only reminder on 1 Sep 2012 is this action, so its text is the whole Subject.
        #expect(try rt(["action", "add", "--session", "rt3", "--owner", "tom", "--text", "placeholder", "--due", "2012-09-08",
                         "--as-of", "2012-08-16"]).status == 0)
        let update = "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(\"UPDATE actions SET text=?\", (sys.argv[2],)); c.commit()"
        let state = folder.appendingPathComponent("state.sqlite").path
        #expect(try peer("/usr/bin/python3", ["-c", update, state, "Call the council\r\nBcc: all@example.org"]).status == 0)
        let run = try rt(["remind", "--as-of", "2012-09-01", "--outbox", outbox.path])
        #expect(run.status == 0, "\(run.stderr)")
        let toTom = try sent("remind.").filter { $0.to_address[1] == "tom.whitfield@council.example.org" }
        #expect(toTom.count == 1)
        for mail in toTom {
            expectOnlyOurHeaders(mail)
            #expect(mail.subject == "[AJC pilot learning group: provider development] Reminder: Call the council Bcc: all@example.org, due Sat 8 Sep")
        }
    }
}
