import Foundation

/// SplitMix64: a small generator whose sequence a seed fixes, so a failing case can be rerun.
package struct SeededRandom: RandomNumberGenerator {
    /// The seed it started from, for failure messages.
    package let seed: UInt64
    private var state: UInt64

    package init(seed: UInt64) {
        self.seed = seed
        state = seed
    }

    /// For a test that kills runs at random moments: seeded from `ROUNDTABLE_KILL_SEED` when it
    /// is set, to replay a failure with the same moments, else with a new seed each run.
    package static func forKills() -> SeededRandom {
        SeededRandom(seed: ProcessInfo.processInfo.environment["ROUNDTABLE_KILL_SEED"].flatMap(UInt64.init) ?? UInt64.random(in: 0...UInt64.max))
    }

    /// "ROUNDTABLE_KILL_SEED=N replays it", for a failure message.
    package var replay: String { "ROUNDTABLE_KILL_SEED=\(seed) replays it" }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    package mutating func pick<T>(_ values: [T]) -> T { values[Int.random(in: 0..<values.count, using: &self)] }

    package mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &self) < probability }
}
