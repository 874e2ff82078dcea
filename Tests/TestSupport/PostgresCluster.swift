import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A throwaway PostgreSQL cluster for the tests of one test process: `initdb` into a temporary
/// folder, the server on a free loopback port (and a socket in that folder), stopped and removed
/// when the process exits. Run as the `postgres` user when the tests run as root (CI), since the
/// server refuses to run as root. Each test takes a database of its own (`newDatabase()`), so one
/// cluster serves every test and a test never sees another's records.
public final class PostgresCluster: Sendable {
    /// The login role the tests connect as, and its password (password-checked over TCP).
    public static let user = "roundtable"
    public static let password = "pg-test-secret-7c1e"

    /// The cluster of this process, started at the first use.
    public static func shared() throws -> PostgresCluster {
        try started.get()
    }

    private static let started: Result<PostgresCluster, any Error> = {
        let result = Result { try PostgresCluster() }
        if case .success = result { atexit { try? PostgresCluster.started.get().stop() } }
        return result
    }()

    public let port: Int
    /// Holds the data directory, the server's log and its Unix socket.
    public let folder: String
    private let bin: String
    /// More `-c name=value` settings for the server (TLS, say).
    private let settings: [String]

    /// Starts a cluster of its own, for a test that restarts it or needs `settings` of its own
    /// (`["ssl=on", …]`); `stop()` it afterwards.
    public init(settings: [String] = []) throws {
        self.settings = settings
        bin = try Self.binFolder()
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("roundtable-pg-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Self.giveToServerUser(folder)
        port = try unusedPort()
        try Self.runAsServerUser(bin + "/initdb", ["-D", folder + "/data", "-U", "postgres", "-A", "trust", "--auth-host=scram-sha-256",
                                                 "-E", "UTF8", "--no-sync"])
        try Self.runAsServerUser(bin + "/pg_ctl", ["-D", folder + "/data", "-l", folder + "/log", "-w", "-o", serverOptions, "start"])
        try psql("CREATE ROLE \(Self.user) LOGIN PASSWORD '\(Self.password)'")
    }

    /// A new, empty database owned by `user`; its URL names the user but never the password.
    public func newDatabase() throws -> String {
        let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try psql("CREATE DATABASE \(name) OWNER \(Self.user)")
        return "postgres://\(Self.user)@127.0.0.1:\(port)/\(name)"
    }

    /// Restarts the server (`pg_ctl restart`, fast shutdown): every connection is cut.
    public func restart() throws {
        try Self.runAsServerUser(bin + "/pg_ctl", ["-D", folder + "/data", "-l", folder + "/log", "-w", "-m", "fast", "-o", serverOptions,
                                                   "restart"])
    }

    /// Runs SQL as the superuser over the socket, for what a test needs to set up or inspect.
    @discardableResult
    public func psql(_ sql: String, database: String = "postgres") throws -> String {
        try Self.runAsServerUser(bin + "/psql", ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", folder, "-p", String(port),
                                                 "-U", "postgres", "-d", database, "-c", sql])
    }

    private var serverOptions: String {
        "-p \(port) -k \(folder) -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100" + settings.map { " -c \($0)" }.joined()
    }

    /// Makes `path` the server user's when we are root (the server runs as `postgres`, and
    /// refuses a TLS key it does not own).
    public static func giveToServerUser(_ path: String) throws {
        guard getuid() == 0 else { return }
        guard let account = getpwnam("postgres") else { throw ClusterError("there is no 'postgres' user to run the server as") }
        chown(path, account.pointee.pw_uid, account.pointee.pw_gid)
    }

    /// Stops the server at once and removes its folder.
    public func stop() throws {
        _ = try? Self.runAsServerUser(bin + "/pg_ctl", ["-D", folder + "/data", "-w", "-m", "immediate", "stop"])
        try FileManager.default.removeItem(atPath: folder)
    }

    /// The newest installed server's programs (`/usr/lib/postgresql/<version>/bin` on Debian).
    private static func binFolder() throws -> String {
        let root = "/usr/lib/postgresql"
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        guard let newest = versions.compactMap(Int.init).max() else {
            throw ClusterError("no PostgreSQL server in \(root): install Debian's postgresql (make deps)")
        }
        return "\(root)/\(newest)/bin"
    }

    /// Runs a server program, through `runuser -u postgres` when we are root; its output.
    ///
    /// posix_spawn and waitpid rather than Foundation's `Process`, whose exit monitoring never
    /// fires while a test thread waits inside this cluster's one-time start. Output goes through a
    /// file, not a pipe: the server pg_ctl starts inherits it and would keep a pipe open.
    @discardableResult
    private static func runAsServerUser(_ program: String, _ arguments: [String]) throws -> String {
        // From /, which the postgres user can enter whatever our own working folder is.
        let command = ["/usr/bin/env", "-C", "/"] + (getuid() == 0 ? ["/usr/sbin/runuser", "-u", "postgres", "--"] : []) + [program] + arguments
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("roundtable-pg-run-\(UUID().uuidString)").path
        defer { unlink(log) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = command.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, command[0], &actions, nil, argv, environ)
        guard spawned == 0 else { throw ClusterError("cannot run \(command[0]): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        guard status == 0 else {
            throw ClusterError("\((program as NSString).lastPathComponent) failed (status \(status)): \(text)")
        }
        return text
    }
}

/// Why the test cluster could not be set up.
public struct ClusterError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
