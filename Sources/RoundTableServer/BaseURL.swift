import Foundation
import HTTPTypes
import Hummingbird

/// The address people reach the server at, for the absolute links a calendar client subscribes
/// to: `--base-url` when given (behind a reverse proxy, the one reliable answer), else the
/// request's Host, over https when a proxy says so in X-Forwarded-Proto.
enum BaseURL {
    static func of(_ request: Request, configured: String?) -> String {
        if let configured { return configured }
        let forwarded = request.headers[HTTPField.Name("X-Forwarded-Proto")!]?.split(separator: ",").first.map { $0.trimmingSpaces.lowercased() }
        let scheme = forwarded == "https" ? "https" : "http"
        let host = request.head.authority.flatMap { $0.allSatisfy(isHostCharacter) && !$0.isEmpty ? $0 : nil } ?? "localhost"
        return "\(scheme)://\(host)"
    }

    /// The same address for a calendar client to subscribe to: `webcal://`, which clients open
    /// as a subscription, for `http(s)://`.
    static func webcal(_ url: String) -> String {
        guard let scheme = url.range(of: "://") else { return url }
        return "webcal" + url[scheme.lowerBound...]
    }

    /// The scheme and host of `url`, as a browser's Origin header names a page's site.
    static func origin(of url: String) -> String {
        guard let scheme = url.range(of: "://") else { return url }
        return String(url[..<(url[scheme.upperBound...].firstIndex(of: "/") ?? url.endIndex)])
    }

    /// A Host header may hold a name, an IPv4 or bracketed IPv6 address and a port; nothing that
    /// could close an attribute or start a path.
    private static func isHostCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || ".-:[]".contains(character))
    }
}
