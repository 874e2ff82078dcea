import RoundTableCore
import RoundTableStore
import Testing

@Suite struct ImportTests {
    /// Records as `records(series:)` orders them, so an import can be compared with what comes back.
    private let sample = Records(
        series: "ajc",
        completions: [
            Completion(session: "inaugural", stage: .plan, on: day("2012-01-20")),
            Completion(session: "inaugural", stage: .hold, on: day("2012-02-24")),
            Completion(session: "rt1", stage: .plan, on: day("2012-03-16")),
        ],
        actions: [
            Action(id: "A1", session: "inaugural", owner: "coord", text: "Book Havant", due: day("2012-03-01"), done: day("2012-02-28")),
            Action(id: "A2", session: "inaugural", owner: "jo", text: "Circulate terms of reference", due: day("2012-04-20")),
        ])

    @Test(arguments: StoreKind.allCases)
    func importedRecordsComeBackExactly(kind: StoreKind) throws {
        try kind.withStore { store in
            try store.importRecords(sample)

            #expect(try store.records(series: "ajc") == sample)
            #expect(try store.records(series: "other") == Records(series: "other"))
        }
    }

    @Test(arguments: StoreKind.allCases)
    func addingAfterAnImportContinuesAfterTheHighestImportedId(kind: StoreKind) throws {
        try kind.withStore { store in
            var gappy = Records(series: "ajc")
            gappy.actions = [Action(id: "A5", session: "rt1", owner: "jo", text: "Notes", due: day("2012-06-01"))]
            try store.importRecords(gappy)

            #expect(try store.addAction(series: "ajc", session: "rt2", owner: "jo", text: "More", due: day("2012-08-01")).id == "A6")
        }
    }

    @Test(arguments: StoreKind.allCases)
    func anExistingCompletionMakesTheWholeImportWriteNothing(kind: StoreKind) throws {
        try kind.withStore { store in
            try store.complete(Completion(session: "rt1", stage: .plan, on: day("2012-03-10")), series: "ajc", check: anyOrder)
            let before = try store.records(series: "ajc")

            #expect(throws: StoreError.conflict("Stage 'plan' of session 'rt1' is already recorded in series 'ajc'.")) {
                try store.importRecords(sample)
            }
            #expect(try store.records(series: "ajc") == before)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func anExistingActionIdMakesTheWholeImportWriteNothing(kind: StoreKind) throws {
        try kind.withStore { store in
            _ = try store.addAction(series: "ajc", session: "rt1", owner: "jo", text: "Notes", due: day("2012-06-01"))
            _ = try store.addAction(series: "ajc", session: "rt1", owner: "jo", text: "Notes", due: day("2012-06-01"))
            let before = try store.records(series: "ajc")

            #expect(throws: StoreError.conflict("Action 'A1' already exists in series 'ajc'.")) {
                try store.importRecords(sample)
            }
            #expect(try store.records(series: "ajc") == before)
        }
    }

    @Test func recordsRepeatedWithinTheImportWriteNothing() throws {
        let store = try StateStore.inMemory()
        var repeated = sample
        repeated.actions.append(repeated.actions[0])

        #expect(throws: StoreError.conflict("Action 'A1' already exists in series 'ajc'.")) {
            try store.importRecords(repeated)
        }
        #expect(try store.records(series: "ajc") == Records(series: "ajc"))
    }

    /// A9223372036854775807 would leave no next number: every later `action add` would fail.
    @Test(arguments: ["B1", "A0", "a3", "A03", "", "A1000000000", "A9223372036854775807"])
    func aMalformedActionIdWritesNothing(id: String) throws {
        let store = try StateStore.inMemory()
        var malformed = sample
        malformed.actions.append(Action(id: id, session: "rt1", owner: "jo", text: "Notes", due: day("2012-06-01")))

        #expect(throws: StoreError.conflict("Action id '\(id)' is not of the form A1, A2, … (up to A999999999); nothing was imported.")) {
            try store.importRecords(malformed)
        }
        #expect(try store.records(series: "ajc") == Records(series: "ajc"))
    }

    @Test func aConflictDoesNotQuoteWhatPeopleWrote() throws {
        let store = try StateStore.inMemory()
        try store.importRecords(sample)

        let error = try #require(throws: StoreError.self) { try store.importRecords(sample) }

        #expect(!error.description.contains("coord"))
        #expect(!error.description.contains("Book Havant"))
    }
}
