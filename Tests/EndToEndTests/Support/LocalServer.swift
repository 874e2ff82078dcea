import Foundation
#if canImport(Glibc)
import Glibc
#endif
import TestSupport

/// A server program for one test (Xandikos, SabreDAV under `php -S`, a scripted one), listening
/// on a loopback port, its output in a log, killed when the test is done.
final class LocalServer {
    let port: Int
    let log: URL
    private let process: Process

    /// Starts `executable` with `arguments` (and `environment` added to the test's), and waits up
    /// to `wait` seconds for it to accept connections on 127.0.0.1:`port`.
    init(_ executable: String, _ arguments: [String], port: Int, log: URL, environment: [String: String] = [:],
         directory: URL? = nil, wait: Double = 30) throws {
        self.port = port
        self.log = log
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        if let directory { process.currentDirectoryURL = directory }
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        let deadline = Date().addingTimeInterval(wait)
        while !Self.accepts(port) {
            guard Date() < deadline, process.isRunning else {
                throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: (try? String(contentsOf: log, encoding: .utf8)) ?? ""])
            }
            usleep(50_000)
        }
    }

    /// Sends SIGTERM and waits for the server to end; its exit status.
    func terminate() -> Int32 {
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// SIGKILL, not SIGTERM: a child of the test runner can inherit a mask that blocks SIGTERM.
    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    /// Whether something accepts a connection on 127.0.0.1:`port`.
    static func accepts(_ port: Int) -> Bool {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }
}
