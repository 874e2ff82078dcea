import RoundTableCore
import Testing

/// `remind` renders its digests and a folder's schedules are read with `concurrentMap`: what is
/// sent, recorded and printed must come out in the elements' order whichever thread finished first.
@Suite struct ConcurrentMapTests {
    @Test(arguments: [0, 1, 2, 7, 1_000])
    func theResultsAreInTheElementsOrder(count: Int) {
        let texts = (0..<count).map { "item \($0)" }
        // Uneven work, so later elements often finish before earlier ones.
        let made = texts.concurrentMap { text in String(repeating: text, count: text.utf8.count % 7 * 200).count }
        #expect(made == texts.map { String(repeating: $0, count: $0.utf8.count % 7 * 200).count })
        #expect(texts.concurrentMap { $0 } == texts)
    }
}
