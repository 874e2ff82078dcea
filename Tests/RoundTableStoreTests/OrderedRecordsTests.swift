import CalendarTime
import Foundation
import RoundTableCore
import RoundTableStore
import Testing
import TestSupport

/// `dump` reads the state as it writes (`withOrderedRecords`): the text must be byte for byte
/// what writing the records read whole gives, on every backend.
@Suite struct OrderedRecordsTests {
    private static let schedule: Schedule = {
        let text = try! String(contentsOf: repositoryRoot.appendingPathComponent("schedules/ajc-2012.yaml"), encoding: .utf8)
        return ScheduleLoader.load(text, file: "ajc-2012.yaml").0!.schedule
    }()

    /// What `dump` writes from the state, read as it is written.
    private func streamed(_ store: StateStore, _ series: String) throws -> String {
        try store.withOrderedRecords(series: series) { try RecordsFile.write($0) }
    }

    @Test(arguments: StoreKind.allCases)
    func generatedRecordsStreamAsTheyDumpWhole(kind: StoreKind) throws {
        let first = UInt64.random(in: 0...UInt64.max / 2)
        var compared = 0
        for seed in first..<first + 40 {
            var random = SeededRandom(seed: seed)
            let text = try RecordsFile.write(Generator(schedule: Self.schedule).records(&random))
            guard let records = RecordsFile.read(text, file: "generated.yaml", schedule: Self.schedule, asOf: SupportedYears.lastDay).0 else { continue }
            try kind.withStore { store in
                try store.importRecords(records)
                #expect(try streamed(store, records.series) == (try RecordsFile.write(try store.records(series: records.series))), "seed \(seed)")
            }
            compared += 1
        }
        #expect(compared > 0)
    }

    /// 2,600 actions with gaps in their numbers, some with a history, read beside their changes.
    @Test(arguments: StoreKind.allCases)
    func manyActionsStreamInNumberOrderWithTheirHistories(kind: StoreKind) throws {
        let numbers = (1...2600).map { $0 < 1500 ? $0 : $0 * 7 }
        let actions = numbers.map { n in
            Action(id: "A\(n)", session: "rt\(n % 5 + 1)", owner: "coord", text: "Action \(n)", due: day("2012-06-01"),
                   history: n % 3 == 0 ? [Action.Change(on: day("2012-05-01"), field: .text, before: "Was \(n)", after: "Action \(n)")] : [])
        }
        let records = Records(series: "ajc-plg-2012", completions: [
            Completion(session: "rt2", stage: .hold, on: day("2012-05-20")), Completion(session: "rt1", stage: .plan, on: day("2012-03-01")),
            Completion(session: "rt2", stage: .plan, on: day("2012-04-01")), Completion(session: "rt1", stage: .hold, on: day("2012-03-20")),
        ], actions: actions.reversed(), attendance: [Attendance(session: "rt2", attended: ["coord", "jo"]), Attendance(session: "rt1", attended: ["jo"])])
        try kind.withStore { store in
            try store.importRecords(records)
            let text = try streamed(store, records.series)
            #expect(text == (try RecordsFile.write(records)))
            #expect(text.components(separatedBy: "\n- {id: A").count == 2601)
        }
    }

    /// A writer's failure (a full disk) comes out as it is, not as a failure of the state.
    @Test(arguments: StoreKind.allCases)
    func theWritersOwnErrorComesOutUnchanged(kind: StoreKind) throws {
        struct DiskFull: Error {}
        try kind.withStore { store in
            try store.importRecords(Records(series: "ajc-plg-2012", completions: [Completion(session: "rt1", stage: .plan, on: day("2012-03-01"))]))
            #expect(throws: DiskFull.self) {
                try store.withOrderedRecords(series: "ajc-plg-2012") { records in try RecordsFile.write(records) { _ in throw DiskFull() } }
            }
            // The connection is usable afterwards (every row of the result was read).
            #expect(try store.records(series: "ajc-plg-2012").completions.count == 1)
        }
    }
}
