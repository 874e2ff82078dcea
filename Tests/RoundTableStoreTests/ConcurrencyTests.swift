import RoundTableCore
import RoundTableStore
import Testing

/// Two connections on one file stand in for two processes: each has its own SQLite connection
/// and file locks, so they contend exactly as two `roundtable` runs would.
@Suite struct ConcurrencyTests {
    @Test func twoStoresAddingAtOnceGetDistinctSequentialIds() async throws {
        try await withTemporaryFolderAsync { folder in
            let path = folder + "/state.sqlite"
            let first = try StateStore(path: path)
            let second = try StateStore(path: path)

            let ids = try await withThrowingTaskGroup(of: [String].self) { group in
                for store in [first, second] {
                    group.addTask {
                        try (1...100).map { index in
                            try store.addAction(series: "ajc", session: "rt1", owner: "jo", text: "Item \(index)", due: day("2012-06-01")).id
                        }
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }

            #expect(Set(ids) == Set((1...200).map { "A\($0)" }))
            #expect(try first.records(series: "ajc").actions.count == 200)
        }
    }

    @Test func racingCompletionsOfOneStageLetTheCheckRefuseAllButOne() async throws {
        try await withTemporaryFolderAsync { folder in
            let path = folder + "/state.sqlite"
            let stores = [try StateStore(path: path), try StateStore(path: path)]
            let sessions = (1...50).map { "s\($0)" }

            let outcomes = try await withThrowingTaskGroup(of: [String].self) { group in
                for store in stores {
                    group.addTask {
                        sessions.map { session in
                            do {
                                try store.complete(Completion(session: session, stage: .plan, on: day("2012-03-16")), series: "ajc") {
                                    if !$0.isEmpty { throw OutOfOrder(stage: .plan) }
                                }
                                return "recorded"
                            } catch {
                                return error is OutOfOrder ? "refused" : "\(error)"
                            }
                        }
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }

            #expect(outcomes.filter { $0 == "recorded" }.count == 50)
            #expect(outcomes.filter { $0 == "refused" }.count == 50)
        }
    }

    @Test func manyProcessesOpeningANewFileAtOnceAllSucceed() async throws {
        try await withTemporaryFolderAsync { folder in
            let path = folder + "/new/state.sqlite"

            let failures = await withTaskGroup(of: String?.self) { group in
                for _ in 1...16 {
                    group.addTask {
                        do {
                            _ = try StateStore(path: path).records(series: "ajc")
                            return nil
                        } catch {
                            return "\(error)"
                        }
                    }
                }
                return await group.compactMap { $0 }.reduce(into: []) { $0.append($1) }
            }

            #expect(failures == [])
        }
    }
}
