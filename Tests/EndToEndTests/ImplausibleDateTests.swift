import Foundation
import Testing
import TestSupport

/// Dates no one could mean are refused, with what was probably meant: an action due before the
/// session it comes from or before the day it is recorded (overdue the moment it is written).
@Suite struct ImplausibleDateTests {
    private let workspace: Workspace

    init() throws {
        workspace = try Workspace()
        #expect(try workspace.seed().status == 0)
    }

    private var actionIDs: [String] {
        get throws { try workspace.rt(["action", "list"]).stdout.split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) } }
    }

    @Test func aDueDateBeforeItsSessionIsRefusedWithTheSessionsDateAndWhatWasMeant() throws {
        let before = try actionIDs
        let add = ["action", "add", "--session", "rt4", "--owner", "sam", "--text", "Send the notes", "--as-of", "2012-10-26"]
        let run = try workspace.rt(add + ["--due", "2012-10-10"])
        #expect(run.status == 65)
        #expect(run.stderr == "roundtable: error: The due date Wed 10 Oct 2012 is before the session it comes from, 'rt4' (Fri 26 Oct 2012), "
            + "so the action would be overdue at once. Did you mean Sat 10 Nov 2012 (--due 2012-11-10)? Pass --force to keep 2012-10-10.\n")
        #expect(try actionIDs == before, "nothing recorded")
        #expect(try workspace.rt(add + ["--due", "2012-11-10"]).stdout == "A7\n")
        #expect(try workspace.rt(add + ["--due", "2012-10-10", "--force"]).stdout == "A8\n")
    }

    @Test func aDueDateBeforeTheDayItIsRecordedIsRefusedToo() throws {
        let run = try workspace.rt(["action", "add", "--session", "rt4", "--owner", "sam", "--text", "Notes", "--due", "2012-11-20",
                                    "--as-of", "2012-11-26"])
        #expect(run.status == 65)
        #expect(run.stderr.contains("The due date Tue 20 Nov 2012 is before today (Mon 26 Nov 2012)"), "\(run.stderr)")
        #expect(run.stderr.contains("(--due 2012-12-20)"))
    }

    @Test func editingADueDateIsCheckedTheSameWay() throws {
        let run = try workspace.rt(["action", "edit", "A6", "--due", "2012-11-01", "--as-of", "2012-11-26"])
        #expect(run.status == 65)
        #expect(run.stderr.contains("Did you mean Sat 1 Dec 2012 (--due 2012-12-01)?"), "\(run.stderr)")
        #expect(try workspace.rt(["action", "list", "--json"]).stdout.contains("\"2012-11-23\""), "A6 keeps its date")
        #expect(try workspace.rt(["action", "edit", "A6", "--due", "2012-11-01", "--as-of", "2012-11-26", "--force"]).status == 0)
    }
}
