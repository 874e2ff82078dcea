import HTTPTypes
import Hummingbird
import NIOCore
import RoundTableCore

/// One resource's bytes as served, with the validators a client revalidates against: a strong
/// ETag (a hash of exactly these bytes) and the instant they last changed.
struct Representation: Sendable {
    let body: ByteBuffer
    let contentType: String
    let etag: String
    let lastModified: Int

    /// `text` as served; the ETag names its bytes, so two rebuilds that come out the same keep it.
    init(text: String, contentType: String, lastModified: Int) {
        let bytes = Array(text.utf8)
        body = ByteBuffer(bytes: bytes)
        self.contentType = contentType
        etag = "\"" + StableHash.hex64(bytes: bytes) + "\""
        self.lastModified = lastModified
    }

    /// 200 with the bytes, or 304 with only the validators when the client's copy is current
    /// (RFC 9110 §13.1: If-None-Match decides when present, else If-Modified-Since). HEAD
    /// answers are made from this one by the router, which drops the body and keeps the headers.
    func response(to request: Request, cacheControl: String) -> Response {
        var headers: HTTPFields = [.eTag: etag, .lastModified: HTTPDate.format(lastModified), .cacheControl: cacheControl]
        if Self.isCurrent(etag: etag, lastModified: lastModified,
                          ifNoneMatch: request.headers[values: .ifNoneMatch], ifModifiedSince: request.headers[.ifModifiedSince]) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = contentType
        headers[.contentLength] = String(body.readableBytes)
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: body))
    }

    /// Whether a conditional GET may be answered 304. If-None-Match uses the weak comparison
    /// (RFC 9110 §13.1.2), so a `W/` copy of our tag matches; `*` matches anything.
    static func isCurrent(etag: String, lastModified: Int, ifNoneMatch: [String], ifModifiedSince: String?) -> Bool {
        if !ifNoneMatch.isEmpty {
            let tags = ifNoneMatch.flatMap { $0.split(separator: ",") }.map { $0.trimmingSpaces }
            return tags.contains { $0 == "*" || $0 == etag || $0 == "W/" + etag }
        }
        guard let ifModifiedSince, let since = HTTPDate.parse(ifModifiedSince) else { return false }
        return lastModified <= since
    }
}

extension Substring {
    /// Without the spaces and tabs around it (a list's optional whitespace).
    var trimmingSpaces: Substring {
        var text = self
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return text
    }
}
