import Foundation
import Testing
import TestSupport

/// `import` applies `advance`'s rules to the completions it reads: stages in order, no hold before
/// the session's day, nothing after the as-of day. Every broken rule is reported at its line, and
/// nothing is imported.
@Suite struct ImportRulesTests {
    @Test(arguments: StateKind.allCases)
    func completionsAdvanceWouldRefuseAreReportedTogetherAndNothingIsImported(kind: StateKind) throws {
        let folder = try temporaryDirectory()
        let workspace = try Workspace(["ROUNDTABLE_STATE": try kind.newState(in: folder)].merging(StateKind.environment) { _, new in new })
        let file = workspace.folder.appendingPathComponent("records.yaml")
        try """
            format: 2
            series: ajc-plg-2012
            completions:
            - {session: rt1, stage: plan, on: 2012-03-16}
            - {session: rt1, stage: writeup, on: 2012-05-03}
            - {session: rt2, stage: plan, on: 2012-05-18}
            - {session: rt2, stage: hold, on: 2012-06-01}
            - {session: rt3, stage: plan, on: 2012-07-13}
            - {session: rt3, stage: hold, on: 2012-07-01}
            - {session: rt4, stage: plan, on: 2012-12-01}
            actions:
            - {id: A1, session: rt1, owner: coord, text: Circulate the notes, due: 2012-06-21}

            """.write(to: file, atomically: true, encoding: .utf8)
        let run = try workspace.rt(["import", file.path, "--as-of", "2012-11-26"])
        #expect(run.status == 65, "\(run.stderr)")
        let path = file.path
        #expect(run.stderr == """
            \(path):5:3: error: Cannot record writeup for 'rt1' before hold is done: stages complete in order.
            \(path):7:3: error: Cannot record 'rt2' held on 2012-06-01: it cannot be held before Thu 21 Jun 2012. Record it on or after that day.
            \(path):9:3: error: Cannot record 'rt3' held on 2012-07-01: it cannot be held before Thu 16 Aug 2012. Record it on or after that day.
            \(path):10:3: error: Cannot record plan for 'rt4' on 2012-12-01: that is after today (2012-11-26). Record it on the day it is done.

            """, "\(run.stderr)")
        let dump = try workspace.rt(["dump"])
        #expect(!dump.stdout.contains("rt1") && !dump.stdout.contains("A1"), "nothing was imported: \(dump.stdout)")
        // Put right, the same file imports.
        #expect(try workspace.rt(["import", bundledSeeds, "--as-of", "2012-11-26"]).status == 0)
    }

    /// A file merged into a state is held to the rules together with the completions the state
    /// already has: a stage the state's stages lead to imports on its own, one that breaks their
    /// order is refused at its line, and nothing is imported.
    @Test(arguments: StateKind.allCases)
    func completionsAreCheckedWithThoseTheStateHolds(kind: StateKind) throws {
        let folder = try temporaryDirectory()
        let workspace = try Workspace(["ROUNDTABLE_STATE": try kind.newState(in: folder)].merging(StateKind.environment) { _, new in new })
        let held = workspace.folder.appendingPathComponent("held.yaml"), next = workspace.folder.appendingPathComponent("next.yaml")
        try """
            series: ajc-plg-2012
            completions:
            - {session: rt1, stage: plan, on: 2012-03-16}
            - {session: rt1, stage: hold, on: 2012-04-20}
            - {session: rt2, stage: plan, on: 2012-05-18}

            """.write(to: held, atomically: true, encoding: .utf8)
        #expect(try workspace.rt(["import", held.path, "--as-of", "2012-11-26"]).status == 0)

        try """
            series: ajc-plg-2012
            completions:
            - {session: rt1, stage: writeup, on: 2012-04-10}
            - {session: rt2, stage: writeup, on: 2012-07-01}
            - {session: rt2, stage: plan, on: 2012-05-18}
            - {session: rt4, stage: plan, on: 2012-12-01}

            """.write(to: next, atomically: true, encoding: .utf8)
        let refused = try workspace.rt(["import", next.path, "--as-of", "2012-11-26"])
        #expect(refused.status == 65, "\(refused.stderr)")
        let lines = refused.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(refused.stderr)")
        // The state's hold of rt1 (20 April) is what the write-up of 10 April comes before.
        #expect(lines.first { $0.hasPrefix("\(next.path):3:3: error: ") }?.contains("2012-04-20") == true, "\(refused.stderr)")
        #expect(lines.first { $0.hasPrefix("\(next.path):4:3: error: ") }?.contains("'rt2'") == true, "\(refused.stderr)")
        #expect(lines.first { $0.hasPrefix("\(next.path):6:3: error: ") }?.contains("2012-12-01") == true, "\(refused.stderr)")
        #expect(!(try workspace.rt(["dump"]).stdout.contains("writeup")), "nothing was imported")

        // The write-up after the state's hold imports by itself: its hold is the state's.
        try """
            series: ajc-plg-2012
            completions:
            - {session: rt1, stage: writeup, on: 2012-05-03}

            """.write(to: next, atomically: true, encoding: .utf8)
        let imported = try workspace.rt(["import", next.path, "--as-of", "2012-11-26"])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try workspace.rt(["dump"]).stdout.contains("- {session: rt1, stage: writeup, on: 2012-05-03}"))
    }
}
