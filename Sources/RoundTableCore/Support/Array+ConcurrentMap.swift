import Dispatch
import Synchronization

extension Array where Element: Sendable {
    /// `map` on every core, the results in the elements' order: for work that depends on each
    /// element alone (reading one schedule, rendering one message), so that what follows (the
    /// diagnostics, the messages sent and the ledger) comes out exactly as a plain `map` would.
    public func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let results = Mutex([T?](repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let result = transform(self[index])
            results.withLock { $0[index] = result }
        }
        return results.withLock { $0.map { $0! } }
    }
}
