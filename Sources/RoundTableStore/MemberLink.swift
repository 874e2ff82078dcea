/// A member's secret link: a token of 128 random bits, shown once to the coordinator (who gives it
/// to her) and kept in the state only as its SHA-256, so that a copy of the state lets nobody in.
public enum MemberLink {
    /// A new token: 16 bytes from the system's random source (getrandom), in base64url without
    /// padding, 22 characters that need no escaping in a URL.
    public static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return base64URL(bytes)
    }

    /// Whether `text` has a token's form; anything else is refused before it is hashed.
    public static func isWellFormed(_ text: some StringProtocol) -> Bool {
        text.utf8.count == 22 && text.utf8.allSatisfy { alphabet.contains($0) }
    }

    /// The token's SHA-256 as 64 lowercase hex digits; `.clientMissing` without libcrypto (69).
    public static func digest(of token: String) throws(StoreError) -> String {
        try SHA256.digest(Array(token.utf8)).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    /// Whether two digests are the same, in time that does not depend on where they first differ:
    /// a guesser timing the answers learns nothing of how close a guess came.
    public static func sameDigest(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    private static func base64URL(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            let value = chunk.enumerated().reduce(0) { $0 | Int($1.element) << (16 - 8 * $1.offset) }
            for position in 0...chunk.count { out.append(alphabet[(value >> (18 - 6 * position)) & 63]) }
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}
