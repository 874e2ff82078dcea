import Foundation
import GRDB
import RoundTableCore
import RoundTableStore
import Testing
import TestSupport

/// `advance --undo` against a stage recorded by another process after it read the records: what
/// it removes is decided in its own transaction, and what it reports is what it removed.
@Suite struct UndoRaceTests {
    @Test func theUndoDecidesOnTheStagesRecordedWhenItsTransactionRuns() throws {
        try withTemporaryFolder { folder in
            let path = folder + "/state.sqlite"
            let undoing = try StateStore(path: path), other = try StateStore(path: path)
            for completion in [Completion(session: "rt4", stage: .plan, on: day("2012-09-24")),
                               Completion(session: "rt4", stage: .hold, on: day("2012-10-26"))] {
                try other.complete(completion, series: "ajc", check: { _ in })
            }
            #expect(try undoing.records(series: "ajc").completions.last?.stage == .hold, "what it read first")
            let writeup = Completion(session: "rt4", stage: .writeup, on: day("2012-11-20"))
            try other.complete(writeup, series: "ajc", check: { _ in })

            // Asked to undo the hold it read, it refuses: the hold is no longer the latest.
            #expect(throws: WorkflowError.notLatest(session: "rt4", stage: .hold, latest: .writeup)) {
                try undoing.undoLatestCompletion(series: "ajc", session: "rt4") { try StageRules.checkUndo($0, of: "rt4", stage: .hold) }
            }
            #expect(try other.records(series: "ajc").completions.count == 3, "nothing removed")

            // Asked to undo the latest, it removes and returns the write-up, which its check saw.
            var seen: Completion?
            let removed = try undoing.undoLatestCompletion(series: "ajc", session: "rt4") { seen = $0 }
            #expect(removed == writeup && seen == writeup)
            #expect(try other.records(series: "ajc").completions.map(\.stage) == [.plan, .hold])
        }
    }

    /// Through the binary: a write transaction of another process is open while `advance --undo`
    /// loads (it reads the hold as latest), and records the write-up before committing. The undo,
    /// let through then, removes the write-up, and must say so.
    @Test func advanceUndoReportsTheStageItRemovedWhenAnotherWasRecordedMeanwhile() throws {
        let workspace = try Workspace()
        #expect(try workspace.seed().status == 0)
        let state = try #require(workspace.env["ROUNDTABLE_STATE"])
        let database = try DatabaseQueue(path: state)
        let undo = try database.writeWithoutTransaction { db -> Run in
            try db.execute(sql: "BEGIN IMMEDIATE")
            let finished = DispatchSemaphore(value: 0)
            nonisolated(unsafe) var run: Result<Run, any Error>?
            Thread {
                run = Result { try workspace.rt(["advance", "rt4", "--undo"]) }
                finished.signal()
            }.start()
            // Time for the binary to start, read the records and wait on the lock (its busy timeout is 5 s).
            Thread.sleep(forTimeInterval: 2)
            try db.execute(sql: "INSERT INTO completions (series, session, stage, done_on, recorded_at) VALUES (?, ?, ?, ?, ?)",
                           arguments: ["ajc-plg-2012", "rt4", "writeup", "2012-11-20", "2012-11-20T09:00:00Z"])
            try db.execute(sql: "COMMIT")
            finished.wait()
            return try #require(run).get()
        }
        #expect(undo.status == 0, "\(undo.stderr)")
        #expect(undo.stdout == "rt4: removed writeup (was done 2012-11-20)\n")
        let dump = try workspace.rt(["dump"]).stdout
        #expect(dump.contains("- {session: rt4, stage: hold, on: 2012-10-26}\n") && !dump.contains("{session: rt4, stage: writeup"), "\(dump)")
    }
}
