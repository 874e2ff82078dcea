/// A short hash that is the same in every run and on every machine (Swift's `Hasher` is seeded
/// per process), for Message-IDs that must come out identical when a message is resent.
public enum StableHash {
    /// FNV-1a, 32 bits, as 8 lowercase hex digits.
    public static func hex(_ text: String) -> String {
        var hash: UInt32 = 2_166_136_261
        for byte in text.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }
}
