/// An ETag as the state keeps it: a text with one character per byte of the header's value
/// (ISO 8859-1), so that any byte a server may put in one (RFC 9110 allows 0x80–0xFF as
/// obs-text) comes back in `If-Match` exactly as it was received. An ASCII ETag is the same
/// text either way; decoding the bytes as UTF-8 would have turned the others into U+FFFD, and
/// no If-Match would ever have matched again.
public enum EntityTag {
    /// The text kept for the `bytes` of an ETag header.
    public static func text(_ bytes: [UInt8]) -> String {
        String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
    }

    /// The bytes to send for a kept ETag. A text with a character past U+00FF was not kept by
    /// `text` (a state written before, or imported): its UTF-8 bytes, as it was sent then.
    public static func bytes(of text: String) -> [UInt8] {
        let scalars = text.unicodeScalars
        guard scalars.allSatisfy({ $0.value <= 0xFF }) else { return Array(text.utf8) }
        return scalars.map { UInt8($0.value) }
    }

    /// Whether `bytes` can be kept and sent back: not empty, and no control character, which
    /// could end or split the header line it is sent in.
    static func isValid(_ bytes: [UInt8]) -> Bool {
        !bytes.isEmpty && bytes.allSatisfy { $0 >= 0x20 && $0 != 0x7F }
    }
}
