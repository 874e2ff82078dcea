/// A table from libical's names (of kinds and of enumerated values) to its numbers, looked up
/// by the name's bytes packed into two words.
///
/// A calendar asks for one name per property and parameter, and a Dictionary hashing the
/// String (SipHash) cost more than the libical call the answer is for. libical's names are all
/// short ASCII, so a name longer than 16 bytes is simply not in the table, and the caller asks
/// libical. The table is open addressing with linear probing, kept at most a quarter full.
struct ShortNameTable<Number: Sendable>: Sendable {
    private struct Key: Equatable {
        var low: UInt64 = 0
        var high: UInt64 = 0

        init?(_ name: String) {
            var key = Key()
            let packed = name.utf8.withContiguousStorageIfAvailable { bytes in
                guard bytes.count <= 16 else { return false }
                withUnsafeMutableBytes(of: &key) { $0.copyMemory(from: UnsafeRawBufferPointer(bytes)) }
                return true
            }
            guard packed == true else { return nil }
            self = key
        }

        private init() {}

        /// Where probing for the key starts (Fibonacci hashing of the two words mixed).
        func slot(mask: Int) -> Int {
            Int(truncatingIfNeeded: ((low ^ (high &* 0x9E37_79B9_7F4A_7C15)) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        }
    }

    /// A slot is empty when its number is nil.
    private let keys: [Key]
    private let numbers: [Number?]
    private let mask: Int

    /// The table of these names; the first of two equal names wins, as in libical's own lists.
    init(_ pairs: some Sequence<(String, Number)>) {
        let entries = pairs.compactMap { name, number in Key(name).map { ($0, number) } }
        var size = 4
        while size < entries.count * 4 { size *= 2 }
        let empty = Key("")!
        var keys = [Key](repeating: empty, count: size)
        var numbers = [Number?](repeating: nil, count: size)
        for (key, number) in entries where key != empty {
            var slot = key.slot(mask: size - 1)
            while numbers[slot] != nil, keys[slot] != key { slot = (slot + 1) & (size - 1) }
            guard numbers[slot] == nil else { continue }
            (keys[slot], numbers[slot]) = (key, number)
        }
        (self.keys, self.numbers, mask) = (keys, numbers, size - 1)
    }

    /// The number of a name exactly as it is in the table (same case), or nil.
    subscript(name: String) -> Number? {
        guard let key = Key(name) else { return nil }
        var slot = key.slot(mask: mask)
        while numbers[slot] != nil {
            if keys[slot] == key { return numbers[slot] }
            slot = (slot + 1) & mask
        }
        return nil
    }
}
