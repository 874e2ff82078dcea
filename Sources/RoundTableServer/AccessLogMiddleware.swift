import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// One line per request: method, path, status and time taken. A member's secret link never
/// reaches the log: the part of a path after `/m/` is written as `…`, and no query string is
/// written at all.
struct AccessLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - start
        let micros = elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000
        logger.info("\(request.method.rawValue) \(Self.shown(request.uri.path)) \(response.status.code) \(micros)µs")
        return response
    }

    /// `path` with any member token left out.
    static func shown(_ path: String) -> String {
        guard let at = path.range(of: "/m/") else { return path }
        return String(path[..<at.upperBound]) + "…"
    }
}
