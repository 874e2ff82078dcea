import RoundTableCore
import RoundTableStore
import Testing

@Suite struct CompletionTests {
    @Test(arguments: StoreKind.allCases)
    func completionsComeBackOrderedBySessionThenStage(kind: StoreKind) throws {
        try kind.withStore { store in
            try store.complete(Completion(session: "rt2", stage: .plan, on: day("2012-05-04")), series: "ajc", check: anyOrder)
            try store.complete(Completion(session: "rt1", stage: .hold, on: day("2012-04-20")), series: "ajc", check: anyOrder)
            try store.complete(Completion(session: "rt1", stage: .plan, on: day("2012-03-16")), series: "ajc", check: anyOrder)
            try store.complete(Completion(session: "rt1", stage: .plan, on: day("2013-01-01")), series: "other", check: anyOrder)

            let records = try store.records(series: "ajc")

            #expect(records == Records(series: "ajc", completions: [
                Completion(session: "rt1", stage: .plan, on: day("2012-03-16")),
                Completion(session: "rt1", stage: .hold, on: day("2012-04-20")),
                Completion(session: "rt2", stage: .plan, on: day("2012-05-04")),
            ]))
        }
    }

    @Test(arguments: StoreKind.allCases)
    func theCheckSeesOnlyThatSessionsCompletionsInStageOrder(kind: StoreKind) throws {
        try kind.withStore { store in
            try store.complete(Completion(session: "rt1", stage: .plan, on: day("2012-03-16")), series: "ajc", check: anyOrder)
            try store.complete(Completion(session: "rt1", stage: .hold, on: day("2012-04-20")), series: "ajc", check: anyOrder)
            try store.complete(Completion(session: "rt2", stage: .plan, on: day("2012-05-04")), series: "ajc", check: anyOrder)
            try store.complete(Completion(session: "rt1", stage: .writeup, on: day("2012-05-01")), series: "other", check: anyOrder)
            var seen: [Completion] = []

            try store.complete(Completion(session: "rt1", stage: .writeup, on: day("2012-05-02")), series: "ajc") { seen = $0 }

            #expect(seen.map(\.stage) == [.plan, .hold])
        }
    }

    @Test(arguments: StoreKind.allCases)
    func aRefusingCheckWritesNothingAndItsErrorComesBackUnchanged(kind: StoreKind) throws {
        try kind.withStore { store in
            try store.complete(Completion(session: "rt1", stage: .plan, on: day("2012-03-16")), series: "ajc", check: anyOrder)
            let before = try store.records(series: "ajc")

            #expect(throws: OutOfOrder(stage: .writeup)) {
                try store.complete(Completion(session: "rt1", stage: .writeup, on: day("2012-05-02")), series: "ajc") { _ in
                    throw OutOfOrder(stage: .writeup)
                }
            }

            #expect(try store.records(series: "ajc") == before)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func recordingAStageTwiceIsAConflict(kind: StoreKind) throws {
        try kind.withStore { store in
            let plan = Completion(session: "rt1", stage: .plan, on: day("2012-03-16"))
            try store.complete(plan, series: "ajc", check: anyOrder)

            #expect(throws: StoreError.conflict("Stage 'plan' of session 'rt1' is already recorded in series 'ajc'.")) {
                try store.complete(Completion(session: "rt1", stage: .plan, on: day("2012-03-17")), series: "ajc", check: anyOrder)
            }
            #expect(try store.records(series: "ajc").completions == [plan])
        }
    }

    @Test(arguments: StoreKind.allCases)
    func undoRemovesOnlyTheLatestStageOfThatSession(kind: StoreKind) throws {
        try kind.withStore { store in
            let rt1 = [
                Completion(session: "rt1", stage: .plan, on: day("2012-03-16")),
                Completion(session: "rt1", stage: .hold, on: day("2012-04-20")),
                Completion(session: "rt1", stage: .writeup, on: day("2012-05-02")),
            ]
            let rt2 = [
                Completion(session: "rt2", stage: .plan, on: day("2012-05-04")),
                Completion(session: "rt2", stage: .hold, on: day("2012-06-15")),
            ]
            for completion in rt1 + rt2 {
                try store.complete(completion, series: "ajc", check: anyOrder)
                try store.complete(completion, series: "other", check: anyOrder)
            }

            let undone = try store.undoLatestCompletion(series: "ajc", session: "rt1")

            #expect(undone == rt1[2])
            #expect(try store.records(series: "ajc").completions == rt1.dropLast() + rt2)
            #expect(try store.records(series: "other").completions == rt1 + rt2)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func undoWithNothingRecordedReturnsNil(kind: StoreKind) throws {
        try kind.withStore { store in
            try store.complete(Completion(session: "rt2", stage: .plan, on: day("2012-05-04")), series: "ajc", check: anyOrder)

            #expect(try store.undoLatestCompletion(series: "ajc", session: "rt1") == nil)
            #expect(try store.records(series: "ajc").completions.count == 1)
        }
    }
}
