import CDigest

/// SHA-256 through libcrypto (`CDigest`): members' links are kept as their digests, and the
/// server names its pages' inline styles by theirs in its Content-Security-Policy.
public enum SHA256 {
    /// The 32-byte digest of `bytes`; `.clientMissing` when libcrypto cannot be loaded (69).
    public static func digest(_ bytes: [UInt8]) throws(StoreError) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        guard rt_sha256(bytes, bytes.count, &out) == 0 else {
            throw .clientMissing(reason: String(cString: rt_digest_problem()))
        }
        return out
    }
}
