import RoundTableStore
import Testing

@Suite struct StoreErrorTests {
    @Test(arguments: [
        StoreError.notADatabase(path: "/tmp/x.sqlite"),
        .newerSchema(path: "/tmp/x.sqlite"),
        .cannotOpen(path: "/tmp/x.sqlite", reason: "permission denied"),
        .locked(path: "/tmp/x.sqlite"),
    ])
    func messagesAboutTheFileQuoteItsPathAndSayWhatToDo(error: StoreError) {
        #expect(error.description.contains("'/tmp/x.sqlite'"))
        #expect(error.description.hasSuffix("."))
        #expect(error.description.split(separator: ". ").count >= 2)
    }

    @Test func anUnknownActionMessageStartsWithACapitalAndQuotesTheId() {
        #expect(StoreError.unknownAction("A9").description.hasPrefix("Unknown action 'A9'."))
    }
}
