import Foundation
import Synchronization

extension Array where Element: Sendable {
    /// `map` with the elements spread over every core, the results in the elements' order: for
    /// an organisation's series (or schedule files), which are independent of each other.
    func concurrentMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        let results = Mutex([Result?](repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let result = transform(self[index])
            results.withLock { $0[index] = result }
        }
        return results.withLock { $0.map { $0! } }
    }
}
