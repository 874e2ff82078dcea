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
        return padded(String(hash, radix: 16), to: 8)
    }

    /// FNV-1a, 64 bits, as 16 lowercase hex digits: for fingerprints of content kept to tell
    /// whether it changed, where one change in four billion going unnoticed would be too many.
    public static func hex64(_ text: String) -> String { hex64(bytes: text.utf8) }

    /// `hex64` of bytes that need not be text (a zoneinfo file).
    public static func hex64(bytes: some Sequence<UInt8>) -> String {
        var hash: UInt64 = 14_695_981_039_346_656_037
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 1_099_511_628_211
        }
        return padded(String(hash, radix: 16), to: 16)
    }

    private static func padded(_ digits: String, to width: Int) -> String {
        String(repeating: "0", count: width - digits.count) + digits
    }
}
