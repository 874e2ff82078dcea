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
    public static func hex64(_ text: String) -> String {
        var hash = Hash64()
        hash.add(text)
        return hash.hex
    }

    /// `hex64` of bytes that need not be text (a zoneinfo file).
    public static func hex64(bytes: [UInt8]) -> String {
        var hash = Hash64()
        bytes.withUnsafeBufferPointer { hash.add($0) }
        return hash.hex
    }

    /// `hex64` taken piece by piece: the hash of the pieces one after another, without joining
    /// them into one text first (a feed's fingerprint runs over megabytes of schedules and records).
    public struct Hash64: Sendable {
        /// The hash so far, as a number (a PostgreSQL advisory lock's key).
        public private(set) var value: UInt64 = 14_695_981_039_346_656_037

        public init() {}

        /// Takes in the text's UTF-8 bytes, read in place.
        public mutating func add(_ text: String) {
            var text = text
            text.withUTF8 { add($0) }
        }

        /// Takes in the bytes.
        public mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) {
            for byte in bytes {
                value ^= UInt64(byte)
                value = value &* 1_099_511_628_211
            }
        }

        /// 16 lowercase hex digits.
        public var hex: String { StableHash.padded(String(value, radix: 16), to: 16) }
    }

    fileprivate static func padded(_ digits: String, to width: Int) -> String {
        String(repeating: "0", count: width - digits.count) + digits
    }
}
