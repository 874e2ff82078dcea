import RoundTableCore
import RoundTableStore
import Testing

@Suite struct ActionTests {
    @Test(arguments: StoreKind.allCases)
    func idsAreSequentialPerSeriesAndIndependentAcrossSeries(kind: StoreKind) throws {
        try kind.withStore { store in
            var ajc: [String] = []
            var other: [String] = []
            for index in 1...3 {
                ajc.append(try store.addAction(series: "ajc", session: "rt1", owner: "coord", text: "Item \(index)", due: day("2012-06-01")).id)
                if index < 3 {
                    other.append(try store.addAction(series: "other", session: "s1", owner: "chair", text: "Item \(index)", due: day("2013-01-01")).id)
                }
            }

            #expect(ajc == ["A1", "A2", "A3"])
            #expect(other == ["A1", "A2"])
            #expect(try store.records(series: "ajc").actions.map(\.id) == ["A1", "A2", "A3"])
        }
    }

    @Test(arguments: StoreKind.allCases)
    func anAddedActionComesBackAsGiven(kind: StoreKind) throws {
        try kind.withStore { store in
            let added = try store.addAction(series: "ajc", session: "rt1", owner: "jo", text: "Circulate the Havant notes", due: day("2012-06-01"))

            #expect(added == Action(id: "A1", session: "rt1", owner: "jo", text: "Circulate the Havant notes", due: day("2012-06-01"),
                                    recorded: added.recorded))
            #expect(added.recorded != nil, "when it was added is kept")
            #expect(try store.records(series: "ajc").actions == [added])
        }
    }

    @Test(arguments: StoreKind.allCases)
    func doneThenReopenedUpdatesTheAction(kind: StoreKind) throws {
        try kind.withStore { store in
            let added = try store.addAction(series: "ajc", session: "rt1", owner: "jo", text: "Notes", due: day("2012-06-01"))

            let done = try store.changeAction(series: "ajc", id: "A1") { try ActionRules.done($0, on: day("2012-05-20")) }
            #expect(done.done == day("2012-05-20"))
            #expect(try store.records(series: "ajc").actions == [done])

            let reopened = try store.changeAction(series: "ajc", id: "A1", ActionRules.reopen)
            #expect(reopened == added)
            #expect(try store.records(series: "ajc").actions == [added])
        }
    }

    @Test(arguments: StoreKind.allCases)
    func editingActionsNeverFreesAnIdForReuse(kind: StoreKind) throws {
        try kind.withStore { store in
            for _ in 1...2 {
                _ = try store.addAction(series: "ajc", session: "rt1", owner: "jo", text: "Notes", due: day("2012-06-01"))
            }
            _ = try store.changeAction(series: "ajc", id: "A2") { try ActionRules.done($0, on: day("2012-05-20")) }
            _ = try store.changeAction(series: "ajc", id: "A2", ActionRules.reopen)

            let next = try store.addAction(series: "ajc", session: "rt2", owner: "jo", text: "More", due: day("2012-08-01"))

            #expect(next.id == "A3")
        }
    }

    @Test(arguments: StoreKind.allCases)
    func actionsAreOrderedByNumberNotByText(kind: StoreKind) throws {
        try kind.withStore { store in
            for _ in 1...11 {
                _ = try store.addAction(series: "ajc", session: "rt1", owner: "jo", text: "Notes", due: day("2012-06-01"))
            }

            #expect(try store.records(series: "ajc").actions.map(\.id) == (1...11).map { "A\($0)" })
        }
    }

    @Test(arguments: StoreKind.allCases)
    func aRefusedChangeWritesNothingAndAnEditKeepsItsHistory(kind: StoreKind) throws {
        try kind.withStore { store in
            _ = try store.addAction(series: "ajc", session: "rt1", owner: "jo", text: "Notes", due: day("2012-06-01"))
            let done = try store.changeAction(series: "ajc", id: "A1") { try ActionRules.done($0, on: day("2012-05-20")) }
            #expect(throws: WorkflowError.actionAlreadyDone(id: "A1", on: day("2012-05-20"))) {
                try store.changeAction(series: "ajc", id: "A1") { try ActionRules.done($0, on: day("2012-05-30")) }
            }
            #expect(try store.records(series: "ajc").actions == [done], "the first day stands")
            let edited = try store.changeAction(series: "ajc", id: "A1") { action in
                var changed = action
                changed.text = "Full notes"
                changed.history.append(Action.Change(on: day("2012-05-21"), field: .text, before: "Notes", after: "Full notes"))
                return changed
            }
            #expect(try store.records(series: "ajc").actions == [edited])
            #expect(try store.records(series: "ajc").actions.first?.history.map(\.after) == ["Full notes"])
        }
    }

    @Test(arguments: ["A2", "A0", "a1", "A01", "A+1", "1", "", "A1 "])
    func anIdTheSeriesDoesNotHaveIsUnknown(id: String) throws {
        let store = try StateStore.inMemory()
        _ = try store.addAction(series: "ajc", session: "rt1", owner: "jo", text: "Notes", due: day("2012-06-01"))
        _ = try store.addAction(series: "other", session: "s1", owner: "jo", text: "Notes", due: day("2012-06-01"))
        _ = try store.addAction(series: "other", session: "s1", owner: "jo", text: "Notes", due: day("2012-06-01"))

        #expect(throws: StoreError.unknownAction(id)) {
            try store.changeAction(series: "ajc", id: id) { try ActionRules.done($0, on: day("2012-05-20")) }
        }
        #expect(try store.records(series: "ajc").actions.map(\.done) == [nil])
    }
}
