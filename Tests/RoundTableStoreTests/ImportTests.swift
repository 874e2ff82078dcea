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
    func importingTheSameRecordsAgainAddsNothingAndWhatIsNewIsAdded(kind: StoreKind) throws {
        try kind.withStore { store in
            let first = try store.importRecords(sample), second = try store.importRecords(sample)
            #expect(first == sample)
            #expect(second == Records(series: "ajc"))
            var more = sample
            more.completions.append(Completion(session: "rt1", stage: .hold, on: day("2012-04-20")))
            let added = try store.importRecords(more)
            #expect(added.completions == [Completion(session: "rt1", stage: .hold, on: day("2012-04-20"))])
            #expect(try store.records(series: "ajc").completions.count == 4)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func everyRecordHeldOtherwiseIsListedInOneErrorAndNothingIsWritten(kind: StoreKind) throws {
        try kind.withStore { store in
            try store.complete(Completion(session: "rt1", stage: .plan, on: day("2012-03-10")), series: "ajc", check: anyOrder)
            _ = try store.addAction(series: "ajc", session: "rt1", owner: "jo", text: "Notes", due: day("2012-06-01"))
            _ = try store.addAction(series: "ajc", session: "rt1", owner: "jo", text: "Notes", due: day("2012-06-01"))
            let before = try store.records(series: "ajc")

            #expect(throws: StoreError.conflict("The state holds 3 records of series 'ajc' otherwise than the file; nothing was imported:\n"
                + "  - the plan stage of 'rt1': done 2012-03-10 in the state, 2012-03-16 in the file\n"
                + "  - action A1: the state holds it otherwise (its owner, text, dates or history differ)\n"
                + "  - action A2: the state holds it otherwise (its owner, text, dates or history differ)")) {
                try store.importRecords(sample)
            }
            #expect(try store.records(series: "ajc") == before)
        }
    }

    @Test func recordsRepeatedWithinTheImportCountOnceOrConflict() throws {
        let store = try StateStore.inMemory()
        var repeated = sample
        repeated.actions.append(repeated.actions[0])
        let once = try store.importRecords(repeated)
        #expect(once == sample)

        var differing = Records(series: "other", actions: sample.actions)
        differing.actions.append(Action(id: "A1", session: "rt1", owner: "jo", text: "Other", due: day("2012-06-01")))
        #expect(throws: StoreError.self) { try store.importRecords(differing) }
        #expect(try store.records(series: "other") == Records(series: "other"))
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

        var changed = sample
        changed.actions[1].text = "Circulate the minutes"
        let error = try #require(throws: StoreError.self) { try store.importRecords(changed) }

        #expect(!error.description.contains("coord"))
        #expect(!error.description.contains("Book Havant"))
    }
}
