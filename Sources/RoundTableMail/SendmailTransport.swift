import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Pipes each message to `sendmail -t -i`, the local MTA's interface every Unix mail system offers.
///
/// The child is started and reaped with posix_spawn and waitpid rather than Foundation's
/// `Process`, which on Linux did not notice a killed child and so could not enforce the timeout.
public struct SendmailTransport: Transport {
    public let path: String
    /// A sendmail that hangs must not hang cron: after this many seconds it is stopped.
    public let timeout: Double

    public init(path: String = "/usr/sbin/sendmail", timeout: Double = 60) {
        self.path = path
        self.timeout = timeout
    }

    public func deliver(_ envelope: Envelope) throws(DeliveryError) {
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw .misconfigured("'\(path)' is not an executable sendmail program (set --sendmail PATH)")
        }
        // A sendmail that exits without reading its input must not kill us with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        var input: [Int32] = [0, 0], errors: [Int32] = [0, 0]
        guard pipe(&input) == 0, pipe(&errors) == 0 else { throw .temporary("cannot create a pipe to sendmail") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input[0], 0)
        posix_spawn_file_actions_adddup2(&actions, errors[1], 2)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        // Nothing else of ours reaches sendmail: an inherited descriptor (a parent's pipe that
        // signals our own exit, say) kept open by a stray grandchild would outlive us.
        for fd in Self.openDescriptors() where fd > 2 { posix_spawn_file_actions_addclose(&actions, fd) }
        let arguments: [UnsafeMutablePointer<CChar>?] = [strdup(path), strdup("-t"), strdup("-i"), nil]
        defer { arguments.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, nil, arguments, environ)
        close(input[0])
        close(errors[1])
        guard spawned == 0 else {
            close(input[1])
            close(errors[0])
            throw .misconfigured("cannot run '\(path)': \(String(cString: strerror(spawned)))")
        }
        let writer = Thread { [data = envelope.data, fd = input[1]] in
            data.withUnsafeBytes { bytes in
                var offset = 0
                while offset < bytes.count {
                    let written = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                    if written <= 0 { break }
                    offset += written
                }
            }
            close(fd)
        }
        writer.start()
        let status = wait(for: pid)
        let message = readAll(errors[0])
        guard let status else {
            throw .temporary("sendmail did not finish within \(Int(timeout)) s")
        }
        guard status == 0 else {
            throw .temporary("sendmail exited with status \(status)\(message.isEmpty ? "" : ": \(message.prefix(200))")")
        }
    }

    /// The descriptors open in this process (Linux lists them in /proc/self/fd).
    private static func openDescriptors() -> [Int32] {
        let listed = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return listed.compactMap { Int32($0) }.filter { fcntl($0, F_GETFD) != -1 }
    }

    /// The exit status, or nil when the child had to be killed for taking too long.
    private func wait(for pid: pid_t) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while Date() < deadline {
            if waitpid(pid, &status, WNOHANG) == pid { return exitStatus(status) }
            usleep(10_000)
        }
        kill(pid, SIGKILL)
        waitpid(pid, &status, 0)
        return nil
    }

    private func exitStatus(_ status: Int32) -> Int32 {
        (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    /// What the child wrote to standard error. Non-blocking: a grandchild (a shell's `sleep`) may
    /// still hold the pipe open after sendmail itself is gone.
    private func readAll(_ fd: Int32) -> String {
        defer { close(fd) }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(fd, &buffer, buffer.count)
            if count <= 0 { break }
            bytes += buffer[..<count]
        }
        return String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
