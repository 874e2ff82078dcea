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
        do {
            let response = try await next(request, context)
            log(request, status: response.status.code, since: start)
            return response
        } catch let error as any HTTPResponseError {
            // A 404 or 403 thrown by a handler is logged like any answer.
            log(request, status: error.status.code, since: start)
            throw error
        }
    }

    private func log(_ request: Request, status: Int, since start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        let micros = elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000
        logger.info("\(request.method.rawValue) \(Self.shown(request.uri.path)) \(status) \(micros)µs")
    }

    /// `path` with any member token left out.
    static func shown(_ path: String) -> String {
        guard let at = path.range(of: "/m/") else { return path }
        return String(path[..<at.upperBound]) + "…"
    }
}
