import ArgumentParser
import Foundation
import Hummingbird
import Logging
import RoundTableServer
import RoundTableStore

/// `roundtable-serve`: the series' web pages and feeds over HTTP. Its own program, so that the
/// CLI's start-up and size carry none of SwiftNIO; `roundtable serve` runs it with the schedule and
/// the state the CLI would use.
@main
struct RoundTableServe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roundtable-serve",
        abstract: "Serve a series' pages and calendar feeds over HTTP (run by 'roundtable serve').")

    @Option(name: [.customShort("s"), .long], help: ArgumentHelp("The schedule file.", valueName: "file"))
    var schedule: String

    @Option(help: "The state: a file or a postgres:// URL.")
    var state: String

    @Option(help: ArgumentHelp("The write-ups folder: the series page shows the learning points of disseminated sessions.", valueName: "folder"))
    var writeups: String?

    @Option(help: ArgumentHelp("The address and port to listen on.", valueName: "host:port"))
    var listen = "127.0.0.1:8080"

    @Option(name: .customLong("base-url"), help: ArgumentHelp(
        "The address the pages are reached at from outside, behind a reverse proxy (default: from each request's Host and X-Forwarded-Proto).",
        valueName: "url"))
    var baseURL: String?

    func run() async throws {
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        var logger = Logger(label: "roundtable-serve")
        logger.logLevel = .info
        do {
            let (host, port) = try ServeConfiguration.listenAddress(listen)
            var configuration = ServeConfiguration(host: host, port: port, baseURL: try baseURL.map(ServeConfiguration.baseURL),
                                                   now: Self.systemNow)
            if let fixed = Self.variable("ROUNDTABLE_NOW") {
                guard let instant = ISO8601DateFormatter().date(from: fixed) else {
                    throw ValidationError("ROUNDTABLE_NOW '\(fixed)' is not an ISO 8601 instant such as 2012-11-26T09:00:00Z; unset it to use the system clock.")
                }
                configuration.now = { Int(instant.timeIntervalSince1970) }
            }
            let store = try StateStore(path: state, password: Self.variable("ROUNDTABLE_STATE_PASSWORD"),
                                       caFile: Self.variable("ROUNDTABLE_STATE_CA_FILE"), ifMissing: .refuse,
                                       now: configuration.now(), environment: Self.environment)
            let source = try SeriesSource(schedulePath: schedule, store: store, writeupsFolder: writeups, freshness: .seconds(1), logger: logger,
                                          systemNow: Self.systemNow)
            let app = WebServer.application(source: source, configuration: configuration, logger: logger) { address in
                FileHandle.standardError.write(Data("roundtable-serve: listening on \(address)\n".utf8))
            }
            // A service manager may start us with these blocked; they are how we are stopped.
            var signals = sigset_t()
            sigemptyset(&signals)
            sigaddset(&signals, SIGTERM)
            sigaddset(&signals, SIGINT)
            pthread_sigmask(SIG_UNBLOCK, &signals, nil)
            try await app.runService()
        } catch let error as ServeError {
            throw Self.fail(error.description, exitCode: error.exitCode)
        } catch let error as StoreError {
            if case .missing = error { throw Self.fail("\(error)", exitCode: 66) }
            throw Self.fail("\(error)", exitCode: 69)
        } catch let error as ValidationError {
            throw error
        } catch {
            // What SwiftNIO reports: above all an address already in use or not this machine's.
            throw Self.fail("cannot serve on \(listen): \(error)", exitCode: 69)
        }
    }

    /// Says why on standard error, in the CLI's voice, and gives the exit code.
    private static func fail(_ message: String, exitCode: Int32) -> ExitCode {
        FileHandle.standardError.write(Data("roundtable-serve: error: \(message)\n".utf8))
        return ExitCode(exitCode)
    }

    /// The process's environment, read once: the one place the server reads it.
    private static let environment = ProcessInfo.processInfo.environment

    /// The system's clock: the one place the server reads it.
    @Sendable private static func systemNow() -> Int {
        Int(Date().timeIntervalSince1970)
    }

    /// An environment variable; nil when unset or empty.
    private static func variable(_ name: String) -> String? {
        guard let value = environment[name], !value.isEmpty else { return nil }
        return value
    }
}
