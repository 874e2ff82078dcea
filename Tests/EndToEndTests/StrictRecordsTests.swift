import Foundation
import Testing
import TestSupport

/// `import` reads every field of a records file as strictly as the state holds it: what the
/// state would refuse (or hold under a second spelling) is refused by the reader first, at its
/// file, line and column, exit 65, and nothing is imported.
@Suite struct StrictRecordsTests {
    private func importing(_ body: String) throws -> (run: Run, path: String, dump: String) {
        let workspace = try Workspace()
        let file = workspace.folder.appendingPathComponent("records.yaml")
        try ("format: 2\nseries: ajc-plg-2012\n" + body).write(to: file, atomically: true, encoding: .utf8)
        let run = try workspace.rt(["import", file.path, "--as-of", "2012-11-26"])
        return (run, file.path, try workspace.rt(["dump"]).stdout)
    }

    @Test(arguments: ["A01", "A+1", "a1", "A0", "A1000000000"])
    func anActionIdTheStateWouldNotHoldIsRefusedAtItsPlace(id: String) throws {
        let (run, path, dump) = try importing("""
            actions:
            - {id: A2, session: rt1, owner: coord, text: Circulate the notes, due: 2012-06-21}
            - {id: \(id), session: rt1, owner: coord, text: Circulate the notes, due: 2012-06-21}

            """)
        #expect(run.status == 65)
        #expect(run.stderr == "\(path):5:8: error: Action id '\(id)' is not of the form A1, A2, … (up to A999999999).\n", "\(run.stderr)")
        #expect(!dump.contains("A2"), "nothing was imported")
    }

    @Test(arguments: ["yes", "false", "True", "1"])
    func cancelledIsTrueOrAbsentAsInDoubtIs(value: String) throws {
        let (run, path, dump) = try importing("""
            invitations:
            - session: rt1
              attendee: dan
              sequence: 1
              sent: 2012-03-20T09:00:00Z
              message-id: <a@example.org>
              fingerprint: x
              cancelled: \(value)
              content: y

            """)
        #expect(run.status == 65)
        #expect(run.stderr == "\(path):10:14: error: 'cancelled' can only be 'true'.\n", "\(run.stderr)")
        #expect(!dump.contains("<a@example.org>"), "nothing was imported")
    }

    @Test func aMemberTwiceInAnAttendanceIsRefusedAtTheList() throws {
        let (run, path, _) = try importing("""
            completions:
            - {session: rt1, stage: plan, on: 2012-03-16}
            - {session: rt1, stage: hold, on: 2012-04-20}
            attendance:
            - {session: rt1, attended: [coord, dan, dan]}

            """)
        #expect(run.status == 65)
        #expect(run.stderr == "\(path):7:41: error: 'dan' is listed twice in the attendance of rt1.\n", "\(run.stderr)")
    }
}
