import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A command run in the background with posix_spawn, its output discarded, waited for with
/// waitpid: for a test that does something to a server while the command runs. (Foundation's
/// `Process` can miss the exit of a child whose grandchildren, such as a restarted server, live on.)
public final class BackgroundProcess {
    private let pid: pid_t

    /// Starts `command` (an absolute path and its arguments) with exactly `environment`.
    public init(_ command: [String], environment: [String: String]) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor: Int32 in [0, 1, 2] {
            posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        let argv = command.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, command[0], &actions, nil, argv, envp)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EINVAL) }
        self.pid = pid
    }

    /// Sends the command a signal (SIGKILL, to stop it at a random point of its work).
    public func send(_ signal: Int32) { kill(pid, signal) }

    /// Waits for the command to end; its exit status (128 + the signal when one killed it).
    public func wait() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }
}
