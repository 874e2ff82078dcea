/// The body of a message as a tree of MIME entities (RFC 2045/2046). Content goes in as plain
/// text and bytes; transfer encodings, charsets and boundaries are chosen when rendering, so no
/// caller can get them wrong.
public indirect enum MIMEPart: Sendable {
    /// Text of type `text/<subtype>`, sent as UTF-8 in quoted-printable. `charset=UTF-8` is always
    /// added (a `charset` among `parameters` is dropped); other parameters such as
    /// `("method", "REQUEST")` for text/calendar follow the type in the given order.
    case text(String, subtype: String = "plain", parameters: [(String, String)] = [])
    /// A file, sent in base64 with `Content-Disposition: attachment`. `name=<filename>` is added to
    /// the Content-Type unless `parameters` has a `name`, because some clients read only that one.
    case attachment(filename: String, contentType: String, parameters: [(String, String)] = [], data: [UInt8])
    /// `multipart/<subtype>` ("mixed", "alternative") holding `parts` in order. Its boundary comes
    /// from a hash of the rendered parts and the depth, so the same message renders to the same
    /// bytes every time, and it is checked never to occur inside the parts.
    case multipart(subtype: String, parts: [MIMEPart])
}
