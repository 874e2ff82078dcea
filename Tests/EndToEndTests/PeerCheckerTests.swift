import Foundation
import Testing
import TestSupport

/// The peer checkers are what the export tests rely on to say "a real client reads this", so
/// they are shown here to pass a good calendar and, just as important, to fail a bad one.
@Suite struct PeerCheckerTests {
    /// What check_ics.py prints.
    struct Report: Decodable {
        let files: Int
        let events: Int
        let todos: Int
        let timedValuesChecked: Int
        let problems: [String]
    }

    private func fixture(_ name: String) -> String {
        repositoryRoot.appendingPathComponent("Tests/EndToEndTests/Fixtures/\(name)").path
    }

    private func checkICS(_ files: [String]) throws -> (Run, Report) {
        let run = try peer("/usr/bin/python3", [peerScript("check_ics.py")] + files)
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return (run, try decoder.decode(Report.self, from: Data(run.stdout.utf8)))
    }

    @Test func goodSamplePassesBothPythonPeersWithEveryLocalTimeChecked() throws {
        let (run, report) = try checkICS([fixture("sample-good.ics")])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(report.problems.isEmpty)
        #expect(report.files == 1 && report.events == 3 && report.todos == 1)
        #expect(report.timedValuesChecked == 4)
    }

    @Test func wrongVTimezoneOffsetIsCaughtAsAUTCMismatch() throws {
        let (run, report) = try checkICS([fixture("sample-wrong-offset.ics")])
        #expect(run.status == 1)
        // Only the summer session is affected: its DTSTART and DTEND.
        #expect(report.problems.count == 2, "\(report.problems)")
        for problem in report.problems {
            #expect(problem.contains("session-2@roundtable") && problem.contains("UTC mismatch"), "\(problem)")
        }
    }

    @Test func eachFileIsJudgedByItsOwnVTimezoneEvenAfterAGoodOne() throws {
        // vobject keeps the first VTIMEZONE it sees for a TZID process-wide; the checker must not.
        let (run, report) = try checkICS([fixture("sample-good.ics"), fixture("sample-wrong-offset.ics")])
        #expect(run.status == 1)
        #expect(report.files == 2)
        #expect(report.problems.count == 2 && report.problems.allSatisfy { $0.contains("sample-wrong-offset.ics") })
    }

    @Test func checkICSWithoutFilesIsAUsageError() throws {
        let run = try peer("/usr/bin/python3", [peerScript("check_ics.py")])
        #expect(run.status == 2)
    }

    @Test func khalPrintsTheGoodSample() throws {
        let run = try peer("/bin/bash", [peerScript("check_khal.sh"), fixture("sample-good.ics")])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("3 events found in"))
        #expect(run.stdout.contains("Summer session"))
    }

    @Test func khalCheckFailsOnAnUnclosedComponent() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let broken = folder.appendingPathComponent("broken.ics")
        let good = try String(contentsOfFile: fixture("sample-good.ics"), encoding: .utf8)
        try good.replacingOccurrences(of: "END:VTODO\r\n", with: "").write(to: broken, atomically: true, encoding: .utf8)
        let run = try peer("/bin/bash", [peerScript("check_khal.sh"), broken.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("khal did not accept"))
    }
}
