import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore

/// The `roundtable-serve` application: the routes of a series over `source`, behind the
/// middleware every response needs, on an HTTP/1.1 server with the limits of `configuration`.
/// Shutdown on SIGTERM or SIGINT is graceful (`runService`): requests in flight are answered
/// first.
public enum WebServer {
    /// The application, ready to `runService()`; `onRunning` gets the address it listens on
    /// (with the real port when 0 was asked for).
    public static func application(source: SeriesSource, configuration: ServeConfiguration, logger: Logger,
                                   onRunning: @escaping @Sendable (String) async -> Void) -> some ApplicationProtocol {
        let router = Router(context: BasicRequestContext.self, options: .autoGenerateHeadEndpoints)
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: AccessLogMiddleware(logger: logger))
        FeedRoutes(source: source).register(on: router)
        PageRoutes(source: source, baseURL: configuration.baseURL, maxBodySize: configuration.maxBodySize,
                   now: configuration.now, logger: logger).register(on: router)
        let decoder = HTTP1Channel.Configuration.DecoderConfiguration(
            maxHeaderFieldSize: configuration.maxHeaderFieldSize, maxHeaderListSize: configuration.maxHeaderListSize,
            maxHeaderFieldCount: configuration.maxHeaderFieldCount)
        return Application(
            router: router,
            server: .http1(configuration: .init(idleTimeout: configuration.idleTimeout, httpDecoderConfiguration: decoder)),
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? configuration.port
                let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
                await onRunning("http://\(host):\(port)/")
            },
            logger: logger)
    }
}

extension Router {
    /// Answers 405 with the methods `path` does allow, for the methods a client may try on it
    /// that it does not allow (404 is for paths that are not there).
    func refuseOtherMethods(at path: RouterPath, allowing allowed: [HTTPRequest.Method]) {
        let allow = (allowed + (allowed.contains(.get) ? [.head] : [])).map(\.rawValue).joined(separator: ", ")
        for method in [HTTPRequest.Method.get, .post, .put, .delete, .patch, .options, .trace, .connect]
        where !allowed.contains(method) {
            on(path, method: method) { _, _ in
                Response(status: .methodNotAllowed, headers: [.allow: allow])
            }
        }
    }
}
