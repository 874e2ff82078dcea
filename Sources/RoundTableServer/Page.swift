import Foundation
import HTTPTypes
import Hummingbird
import RoundTableStore

/// An HTML page as served, with the Content-Security-Policy that lets exactly its own inline
/// styles apply (by their SHA-256, CSP level 2) and nothing else: no script, no other style, no
/// frame, forms posted only to this server.
struct Page: Sendable {
    let html: String
    let policy: String

    init(html: String) throws {
        self.html = html
        var hashes: [String] = []
        var rest = html[...]
        while let open = rest.range(of: "<style>"), let close = rest[open.upperBound...].range(of: "</style>") {
            let style = Array(rest[open.upperBound..<close.lowerBound].utf8)
            hashes.append("'sha256-\(Data(try SHA256.digest(style)).base64EncodedString())'")
            rest = rest[close.upperBound...]
        }
        policy = "default-src 'none'; style-src \(hashes.isEmpty ? "'none'" : hashes.joined(separator: " ")); img-src 'self'; "
            + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    }

    /// 200 with the page; `cacheControl` says who may keep a copy (a member's page: nobody).
    func response(cacheControl: String) -> Response {
        let body = ByteBuffer(string: html)
        return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .contentSecurityPolicy: policy,
                                               .cacheControl: cacheControl, .contentLength: String(body.readableBytes)],
                        body: ResponseBody(byteBuffer: body))
    }
}
