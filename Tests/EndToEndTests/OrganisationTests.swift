import Foundation
import Testing
import TestSupport

/// An organisation's groups run in one go: `-s` naming a folder of schedules, over one state file.
/// The folder holds the AJC series and a copy of it under another id (another group following the
/// same plan), with the AJC seed imported into the first only.
@Suite struct OrganisationTests {
    private let folder: URL
    private let schedules: URL
    private let env: [String: String]

    init() throws {
        folder = try temporaryDirectory()
        schedules = folder.appendingPathComponent("schedules")
        try FileManager.default.createDirectory(at: schedules, withIntermediateDirectories: true)
        let ajc = try String(contentsOf: repositoryRoot.appendingPathComponent("schedules/ajc-2012.yaml"), encoding: .utf8)
        try ajc.write(to: schedules.appendingPathComponent("ajc.yaml"), atomically: true, encoding: .utf8)
        try Self.copy(of: ajc, id: "ajc-second-2012").write(to: schedules.appendingPathComponent("second.yaml"), atomically: true, encoding: .utf8)
        env = ["ROUNDTABLE_STATE": folder.appendingPathComponent("state.sqlite").path,
               "ROUNDTABLE_TEMPLATES": repositoryRoot.appendingPathComponent("templates").path]
        let seeded = try roundtable(["import", "-s", schedules.appendingPathComponent("ajc.yaml").path,
                                     bundledSeeds], environment: env)
        #expect(seeded.status == 0, "\(seeded.stderr)")
        #expect(try roundtable(["init", "-s", schedules.path], environment: env).stdout.hasSuffix("ajc-plg-2012: already set up\najc-second-2012: set up\n"))
    }

    private static func copy(of schedule: String, id: String) -> String {
        schedule.replacingOccurrences(of: "id: ajc-plg-2012", with: "id: \(id)")
            .replacingOccurrences(of: "title: \"AJC pilot", with: "title: \"Second pilot")
    }

    private func rt(_ arguments: [String]) throws -> Run {
        try roundtable(arguments + ["-s", schedules.path], environment: env)
    }

    @Test func checkReadsEveryScheduleAndReportsTheProblemsOfAllOfThem() throws {
        let good = try rt(["check"])
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout.contains("ajc.yaml: 7 sessions, 10 members"))
        #expect(good.stdout.contains("second.yaml: 7 sessions, 10 members"))

        let broken = try String(contentsOf: schedules.appendingPathComponent("second.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "timezone: Europe/London", with: "timezone: Europe/Londn")
        try broken.write(to: schedules.appendingPathComponent("third.yaml"), atomically: true, encoding: .utf8)
        let bad = try rt(["check"])
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("third.yaml:11:13: error:"), "\(bad.stderr)")
        #expect(bad.stderr.contains("Europe/Londn"))
    }

    @Test func twoFilesWithOneSeriesIdAreRefused() throws {
        let ajc = try String(contentsOf: schedules.appendingPathComponent("ajc.yaml"), encoding: .utf8)
        try ajc.write(to: schedules.appendingPathComponent("zz-copy.yaml"), atomically: true, encoding: .utf8)
        let run = try rt(["status"])
        #expect(run.status == 65)
        #expect(run.stderr.contains("zz-copy.yaml: error: series id 'ajc-plg-2012' is already the id of \(schedules.path)/ajc.yaml"), "\(run.stderr)")
    }

    @Test func overdueListsEachLateSeriesUnderItsTitleAndJSONIsAnArray() throws {
        let text = try rt(["overdue", "--as-of", "2012-11-26"])
        #expect(text.status == 1)
        #expect(text.stdout.contains("AJC pilot learning group: provider development (ajc-plg-2012)\nOverdue as of 2012-11-26: 3 items"))
        // The second group has recorded nothing, so its plans and its inaugural meeting are late too.
        #expect(text.stdout.contains("Second pilot learning group: provider development (ajc-second-2012)\nOverdue as of 2012-11-26:"))

        let json = try rt(["overdue", "--as-of", "2012-11-26", "--json"])
        let reports = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(reports.map { $0["series"] as? String } == ["ajc-plg-2012", "ajc-second-2012"])
        #expect((reports[0]["items"] as? [Any])?.count == 3)

        let early = try rt(["overdue", "--as-of", "2011-12-01"])
        #expect(early.status == 0)
        #expect(early.stdout == "Nothing is overdue in the 2 series as of 2011-12-01.\n")
    }

    @Test func statusShowsEverySeries() throws {
        let run = try rt(["status", "--as-of", "2012-11-26", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let reports = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(reports.map { $0["series"] as? String } == ["ajc-plg-2012", "ajc-second-2012"])
    }

    @Test func exportWritesOneSubfolderOfFeedsPerSeries() throws {
        let out = folder.appendingPathComponent("feeds")
        let run = try rt(["export", "--dir", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        for series in ["ajc-plg-2012", "ajc-second-2012"] {
            let files = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent(series).path)
            #expect(Set(files) == Set(["\(series).ics", "coord.ics", "priya.ics", "tom.ics", "grace.ics", "dan.ics",
                                       "helen.ics", "sam.ics", "ruth.ics", "eoin.ics", "zoe.ics"]))
        }
        let second = try String(contentsOf: out.appendingPathComponent("ajc-second-2012/ajc-second-2012.ics"), encoding: .utf8)
        #expect(second.contains("UID:rt1.ajc-second-2012@ajc.example.org"))

        let toStdout = try rt(["export"])
        #expect(toStdout.status == 64)
        #expect(toStdout.stderr.contains("pass --dir DIR"))
    }

    @Test func publishPutsEachSeriesIntoACollectionOfItsOwn() throws {
        let radicale = try Radicale()
        let login = ["ROUNDTABLE_CALDAV_USER": radicale.user, "ROUNDTABLE_CALDAV_PASSWORD": radicale.password]
        let run = try roundtable(["publish", "-s", schedules.path, "--caldav", radicale.base, "--create"],
                                 environment: env.merging(login) { $1 })
        #expect(run.status == 0, "\(run.stderr)")
        for series in ["ajc-plg-2012", "ajc-second-2012"] {
            #expect(run.stdout.contains("created the calendar \(radicale.base)\(series)/\n"))
            let names = try radicale.storedNames(in: series)
            #expect(!names.isEmpty && names.allSatisfy { $0.contains(".\(series)%40") || $0.contains(".\(series)@") }, "\(names)")
        }
        let member = try roundtable(["publish", "-s", schedules.path, "--caldav", radicale.base, "--member", "sam"], environment: env)
        #expect(member.status == 64)
    }

    @Test func remindCoversEverySeriesInOneRunAndOnlyOnce() throws {
        let outbox = folder.appendingPathComponent("outbox")
        let first = try rt(["remind", "--as-of", "2012-11-26", "--outbox", outbox.path])
        #expect(first.status == 0, "\(first.stderr)")
        let mails = try ReceivedMail.read(try FileManager.default.contentsOfDirectory(atPath: outbox.path).map { outbox.appendingPathComponent($0) })
        #expect(mails.contains { $0.subject.contains("AJC pilot") })
        #expect(mails.contains { $0.subject.contains("Second pilot") })

        let again = try rt(["remind", "--as-of", "2012-11-26", "--outbox", outbox.path])
        #expect(again.status == 0)
        #expect(again.stdout == "No reminders due in the 2 series as of 2012-11-26.\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outbox.path).count == mails.count)
    }

    @Test func aCommandAboutOneSeriesRefusesAFolder() throws {
        let run = try rt(["advance", "rt5", "hold"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("is a folder. This command works on one series"))
    }
}
