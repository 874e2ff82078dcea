import CalendarTime
import Foundation
import ICalendar
@testable import RoundTableCore
import RoundTableStore
import Testing
import TestSupport

/// Whatever `import` or `rsvp` accepts, `dump` writes and `import` reads back, giving the same
/// dump: checked over records and replies made by a seeded generator, which draws values from
/// the edges (the last SEQUENCE, the first and last supported years, numbers libical wraps,
/// strings YAML would take for something else). A failure prints the seed;
/// `ROUNDTABLE_PROPERTY_SEED=N` runs that case again.
@Suite struct RecordsRoundTripPropertyTests {
    private static let cases = 300

    private static let schedule: Schedule = {
        let text = try! String(contentsOf: repositoryRoot.appendingPathComponent("schedules/ajc-2012.yaml"), encoding: .utf8)
        return ScheduleLoader.load(text, file: "ajc-2012.yaml").0!.schedule
    }()

    private static func seeds() -> [UInt64] {
        if let given = ProcessInfo.processInfo.environment["ROUNDTABLE_PROPERTY_SEED"].flatMap(UInt64.init) { return [given] }
        let first = UInt64.random(in: 0...UInt64.max / 2)
        return (0..<UInt64(cases)).map { first + $0 }
    }

    @Test func whatImportAcceptsDumpsAndImportsBackTheSame() throws {
        var accepted = 0
        for seed in Self.seeds() {
            var random = SeededRandom(seed: seed)
            let records = Generator(schedule: Self.schedule).records(&random)
            let text = try RecordsFile.write(records)
            #expect(text == (try RecordsFile.serializedWhole(records)), "seed \(seed): a dump written a record at a time differs from the whole")
            let (read, _) = RecordsFile.read(text, file: "generated.yaml", schedule: Self.schedule, asOf: SupportedYears.lastDay)
            guard let read else { continue }
            accepted += 1
            try expectRoundTrip(read, original: text, seed: seed)
        }
        #expect(accepted > Self.cases / 10, "the generator makes records import accepts (\(accepted) of \(Self.cases))")
    }

    @Test func whatRSVPAcceptsDumpsAndImportsBack() throws {
        var accepted = 0, refused = 0
        for seed in Self.seeds() {
            var random = SeededRandom(seed: seed)
            let sequence = random.pick(Generator.sequenceTexts), stamp = random.pick(Generator.stampTexts)
            let calendar = """
                BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\n\
                UID:rt5.ajc-plg-2012@ajc.example.org\r\nDTSTAMP:\(stamp)\r\nSEQUENCE:\(sequence)\r\n\
                ATTENDEE;PARTSTAT=ACCEPTED:mailto:sam.patel@charity.example.org\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n
                """
            let invitation = InvitationRecord(session: "rt5", attendee: "sam", sequence: InvitationRecord.sequences.upperBound,
                                              fingerprint: "f", content: "c", cancelled: false)
            let rules = ReplyRules(schedule: Self.schedule, invitations: [invitation], now: LocalDateTime(iso: "2200-12-31T12:00:00")!)
            let replies: [Reply]
            do {
                let (component, problems) = try Component.parseKeepingProblems(calendar, limits: .received)
                replies = try ReplyReader.replies(in: component, problems: problems, from: .calendarFile, rules: rules)
            } catch {
                refused += 1
                continue
            }
            accepted += 1
            let store = try StateStore.inMemory()
            for reply in replies { _ = try store.recordReply(reply, series: "ajc-plg-2012") }
            let text = try RecordsFile.write(try store.records(series: "ajc-plg-2012"))
            let (read, diagnostics) = RecordsFile.read(text, file: "dump.yaml", schedule: Self.schedule, asOf: SupportedYears.lastDay)
            #expect(read != nil, "seed \(seed): SEQUENCE \(sequence), DTSTAMP \(stamp) was recorded but its dump does not import: \(diagnostics)")
            if let read { try expectRoundTrip(read, original: text, seed: seed) }
        }
        if Self.seeds().count > 1 { #expect(accepted > 0 && refused > 0, "both kinds were tried: \(accepted) accepted, \(refused) refused") }
    }

    /// `records` imported into an empty state dumps to `original`, and that dump imports again.
    private func expectRoundTrip(_ records: Records, original: String, seed: UInt64) throws {
        let store = try StateStore.inMemory()
        do {
            try store.importRecords(records)
        } catch {
            Issue.record("seed \(seed): the records file was read but the state refused it: \(error)")
            return
        }
        let dumped = try RecordsFile.write(try store.records(series: records.series))
        let difference = zip(dumped.split(separator: "\n"), original.split(separator: "\n")).first { $0 != $1 }
        #expect(dumped == original, "seed \(seed): the dump differs from the file imported: \(difference.map { "\($0.0) | \($0.1)" } ?? "")")
        let (again, diagnostics) = RecordsFile.read(dumped, file: "dump.yaml", schedule: Self.schedule, asOf: SupportedYears.lastDay)
        #expect(again == records, "seed \(seed): the dump does not import back the same: \(diagnostics)")
    }
}

/// Records of the AJC series with values drawn from the edges of what each field may hold.
struct Generator {
    let schedule: Schedule

    /// SEQUENCE texts: in range, at the edges, and ones libical would wrap or misread.
    static let sequenceTexts = ["0", "1", "7", "+3", "007", "2147483646", "2147483647", "2147483648", "4294967296", "4294967297",
                                "18446744073709551616", "-1", "-2147483648", "12abc", "", " 2"]
    /// DTSTAMP texts around the supported years.
    static let stampTexts = ["20121110T090000Z", "18991231T235959Z", "19000101T000000Z", "22001231T235959Z", "22010101T000000Z",
                             "00010101T000000Z", "99991231T235959Z", "20121110T090000"]
    /// Strings YAML might read as something else, or that need quoting, escaping or folding.
    static let texts = ["plain words", "", " leading space", "trailing space ", "a: colon", "#hash", "- dash", "'single'", "\"double\"",
                        "true", "null", "~", "0700", "1e3", "2012-11-08", "é ünïcödé", "emoji 🎉", "{brace}", "[bracket]", "back\\slash",
                        "*star", "&amp", "!bang", "%percent", "@at", "`tick`", "? question", "| pipe", "> gt", String(repeating: "long ", count: 80)]
    /// Strings a records file may not hold in some fields (control characters), drawn now and then.
    static let controlTexts = ["tab\there", "line\nbreak", "nel\u{85}here", "bell\u{7}"]

    /// Mostly `texts`, sometimes `controlTexts`.
    static func text(_ random: inout SeededRandom) -> String {
        random.chance(0.97) ? random.pick(texts) : random.pick(controlTexts)
    }

    func records(_ random: inout SeededRandom) -> Records {
        var records = Records(series: schedule.series.id)
        let sessions = schedule.sessions
        for session in sessions where random.chance(0.5) {
            var day = random.chance(0.9) ? session.timing.earliestDay.adding(days: -40) : date(&random)
            for stage in session.stages {
                guard random.chance(0.7) else { break }
                day = day.adding(days: Int.random(in: 0...45, using: &random))
                if stage == .hold && random.chance(0.9) { day = max(day, session.timing.earliestDay) }
                records.completions.append(Completion(session: session.id, stage: stage, on: random.chance(0.95) ? day : date(&random)))
            }
        }
        for number in 1...Int.random(in: 1...6, using: &random) {
            let history = (0..<Int.random(in: 0...2, using: &random)).map { _ in
                Action.Change(on: date(&random), field: random.pick([.text, .owner, .due]), before: Self.text(&random),
                              after: Self.text(&random))
            }
            records.actions.append(Action(
                id: "A\(number)", session: random.pick(sessions).id, owner: random.pick(schedule.members).id, text: Self.text(&random),
                due: date(&random), followsNextSession: random.chance(0.3), done: random.chance(0.3) ? date(&random) : nil,
                dropped: random.chance(0.2) ? Action.Dropped(on: date(&random), reason: random.chance(0.5) ? Self.text(&random) : nil) : nil,
                history: history))
        }
        var invited: Set<String> = []
        for _ in 0..<Int.random(in: 0...5, using: &random) {
            let session = random.pick(sessions).id, member = random.pick(schedule.members).id
            guard invited.insert(session + " " + member).inserted else { continue }
            let sequence = random.chance(0.9) ? random.pick([0, 1, 5, InvitationRecord.sequences.upperBound]) : random.pick([-1, Int(Int32.max), Int.max])
            records.invitations.append(Sent(InvitationRecord(session: session, attendee: member, sequence: sequence,
                                                             fingerprint: Self.text(&random), content: Self.text(&random),
                                                             cancelled: random.chance(0.2)),
                                            messageID: Self.text(&random), at: instant(&random)))
            if random.chance(0.6) {
                let answer = random.pick([Reply.Answer.accepted, .declined, .tentative, .delegated])
                records.replies.append(Reply(session: session, attendee: member, answer: answer,
                                             sequence: random.chance(0.9) ? random.pick([0, 1, InvitationRecord.sequences.upperBound]) : -1,
                                             stamp: instant(&random)))
            }
        }
        for _ in 0..<Int.random(in: 0...3, using: &random) {
            records.ledger.append(Sent(LedgerEntry(item: Self.text(&random) + "\(records.ledger.count)", recipient: random.pick(schedule.members).id,
                                                   trigger: date(&random)),
                                       messageID: Self.text(&random), at: instant(&random)))
        }
        for index in 0..<Int.random(in: 0...2, using: &random) {
            records.published.append(Publication(collection: Self.text(&random), resource: PublishedResource(
                uid: "uid-\(index)-" + Self.text(&random), href: Self.text(&random), etag: random.chance(0.5) ? Self.text(&random) : nil,
                fingerprint: Self.text(&random), inDoubt: random.chance(0.3))))
        }
        return records
    }

    /// A day, mostly in the supported years, sometimes just outside them.
    private func date(_ random: inout SeededRandom) -> LocalDate {
        let year = random.chance(0.98) ? Int.random(in: 2010...2014, using: &random) : random.pick([1899, 1900, 2200, 2201])
        return LocalDate(year: year, month: Int.random(in: 1...12, using: &random), day: Int.random(in: 1...28, using: &random))!
    }

    private func instant(_ random: inout SeededRandom) -> LocalDateTime {
        LocalDateTime(date: date(&random), hour: Int.random(in: 0...23, using: &random), minute: Int.random(in: 0...59, using: &random),
                      second: Int.random(in: 0...59, using: &random))!
    }
}
