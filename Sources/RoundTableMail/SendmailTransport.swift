import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Pipes each message to `sendmail -t -i`, the local MTA's interface every Unix mail system
/// offers: `-t` takes the recipients from the headers, `-i` keeps a line holding a lone "." from
/// ending the message early.
///
/// The child is run with posix_spawn and watched with poll and waitpid rather than Foundation's
/// `Process`, so that what it inherits (no descriptors but its three, no blocked or ignored
/// signals) and how long it may take are ours to decide. The calling thread feeds standard input,
/// drains standard error and watches the clock, so neither a sendmail that stops reading nor one
/// that talks a lot can stall the run.
public struct SendmailTransport: Transport {
    private let path: String
    private let timeout: Double

    /// `timeout` is in seconds: a sendmail that hangs must not hang cron, so past it the child
    /// gets SIGTERM, then SIGKILL, and the message counts as not sent.
    public init(path: String = "/usr/sbin/sendmail", timeout: Double = 60) {
        self.path = path
        self.timeout = timeout
    }

    /// Any exit but 0 is temporary, as sendmail queues what it accepts and its failures (75,
    /// EX_TEMPFAIL, above all) are mostly about its own state; only a program that cannot be
    /// run at all is a misconfiguration. The envelope's recipients are not used: `-t` reads them
    /// from the message.
    public func deliver(_ envelope: Envelope) throws(DeliveryError) {
        // A sendmail that exits without reading its input must not kill us with SIGPIPE; the
        // write then fails with EPIPE, and the exit status says what happened.
        signal(SIGPIPE, SIG_IGN)
        let child = try Child(path: path)
        let outcome = child.run(feeding: envelope.data, until: .now + limit)
        switch outcome {
        case .exited(0):
            return
        case .exited(let status):
            let name = status == 75 ? " (EX_TEMPFAIL)" : ""
            throw .temporary("sendmail exited with status \(status)\(name)\(Self.quoted(child.errors))")
        case .signalled(let signal):
            throw .temporary("sendmail was stopped by signal \(signal)\(Self.quoted(child.errors))")
        case .timedOut:
            throw .temporary("sendmail did not finish within \(Self.seconds(timeout)) s")
        case .lost:
            throw .temporary("sendmail's exit status was lost, so it may not have taken the message")
        }
    }

    /// The timeout as a duration; nonsense (negative, NaN) allows no time, a huge value a long one.
    private var limit: Duration {
        timeout > 0 ? .milliseconds(Int64(min(timeout, 1e9) * 1000)) : .zero
    }

    /// What sendmail wrote to standard error, on one line and short, ready to follow a colon.
    private static func quoted(_ errors: [UInt8]) -> String {
        let text = String(decoding: errors, as: UTF8.self)
            .split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: "; ")
        guard !text.isEmpty else { return "" }
        return ": " + (text.count > 200 ? text.prefix(199) + "…" : text)
    }

    /// "1" rather than "1.0"; fractions as given.
    private static func seconds(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

/// One sendmail process: its pid, the parent's ends of its standard input and standard error,
/// and what it has written to standard error so far.
private final class Child {
    /// How a run ended.
    enum Outcome {
        case exited(Int32)
        case signalled(Int32)
        case timedOut
        case lost
    }

    private let pid: pid_t
    private var input: Int32
    private var errorOutput: Int32
    /// The start of standard error, enough to explain a failure; the rest is read and dropped.
    private(set) var errors: [UInt8] = []

    /// Starts `path -t -i` with a clean signal state and none of our descriptors but its three.
    init(path: String) throws(DeliveryError) {
        var inputPipe: [Int32] = [-1, -1], errorPipe: [Int32] = [-1, -1]
        guard pipe(&inputPipe) == 0 else { throw .temporary("cannot create a pipe to sendmail") }
        guard pipe(&errorPipe) == 0 else {
            inputPipe.forEach { close($0) }
            throw .temporary("cannot create a pipe to sendmail")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, inputPipe[0], 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, errorPipe[1], 2)
        // Nothing else of ours reaches sendmail: an inherited descriptor (a parent's pipe that
        // signals our own exit, say) kept open by a stray grandchild would outlive us.
        for fd in Self.openDescriptors() where fd > 2 { posix_spawn_file_actions_addclose(&actions, fd) }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Ignored signals survive exec, and a blocked SIGTERM would make our timeout's first
        // signal a no-op: the child starts with SIGPIPE at its default and nothing blocked.
        var unblocked = sigset_t(), reset = sigset_t()
        sigemptyset(&unblocked)
        sigemptyset(&reset)
        sigaddset(&reset, SIGPIPE)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        posix_spawnattr_setsigdefault(&attributes, &reset)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let arguments: [UnsafeMutablePointer<CChar>?] = [strdup(path), strdup("-t"), strdup("-i"), nil]
        defer { arguments.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, &attributes, arguments, environ)
        close(inputPipe[0])
        close(errorPipe[1])
        guard spawned == 0 else {
            close(inputPipe[1])
            close(errorPipe[0])
            let reason = String(cString: strerror(spawned))
            switch spawned {
            case ENOENT, EACCES, ENOEXEC, ENOTDIR, ELOOP, ENAMETOOLONG:
                throw .misconfigured("cannot run '\(path)': \(reason); set --sendmail PATH")
            default:
                throw .temporary("cannot start '\(path)': \(reason)")
            }
        }
        self.pid = pid
        input = inputPipe[1]
        errorOutput = errorPipe[0]
        _ = fcntl(input, F_SETFL, fcntl(input, F_GETFL) | O_NONBLOCK)
        _ = fcntl(errorOutput, F_SETFL, fcntl(errorOutput, F_GETFL) | O_NONBLOCK)
    }

    /// The descriptors open in this process, as Linux lists them in /proc/self/fd (glibc's
    /// closefrom action is not visible to Swift).
    private static func openDescriptors() -> [Int32] {
        let listed = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return listed.compactMap { Int32($0) }.filter { fcntl($0, F_GETFD) != -1 }
    }

    deinit {
        if input >= 0 { close(input) }
        if errorOutput >= 0 { close(errorOutput) }
    }

    /// Feeds `data` to standard input (then closes it, which ends the message), collects
    /// standard error, and waits for the exit; past `deadline` the child is stopped.
    func run(feeding data: [UInt8], until deadline: ContinuousClock.Instant) -> Outcome {
        var offset = 0
        if data.isEmpty { closeInput() }
        while true {
            var status: Int32 = 0
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid {
                drainErrors()
                return Self.outcome(status)
            }
            // Someone else reaped our child: its status is gone, and its pid may soon be another's.
            if reaped == -1 && errno == ECHILD { return .lost }
            if ContinuousClock.now >= deadline {
                stop()
                return .timedOut
            }
            // A negative descriptor is skipped by poll; 10 ms bounds how late an exit is noticed.
            var watched = [pollfd(fd: input, events: Int16(POLLOUT), revents: 0),
                           pollfd(fd: errorOutput, events: Int16(POLLIN), revents: 0)]
            _ = poll(&watched, 2, 10)
            if watched[1].revents != 0 { drainErrors() }
            if watched[0].revents != 0 {
                let written = data.withUnsafeBytes { write(input, $0.baseAddress! + offset, data.count - offset) }
                if written > 0 { offset += written }
                if offset == data.count || (written < 0 && errno != EAGAIN && errno != EINTR) { closeInput() }
            }
        }
    }

    private func closeInput() {
        close(input)
        input = -1
    }

    /// Reads whatever standard error holds now, keeping the first 4 KiB; closes it at its end.
    private func drainErrors() {
        guard errorOutput >= 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(errorOutput, &buffer, buffer.count)
            if count > 0 {
                errors += buffer[..<min(count, max(0, 4096 - errors.count))]
                continue
            }
            if count == 0 {
                close(errorOutput)
                errorOutput = -1
            }
            return
        }
    }

    /// SIGTERM, two seconds to finish, then SIGKILL; always reaps the child.
    private func stop() {
        kill(pid, SIGTERM)
        let grace = ContinuousClock.now + .seconds(2)
        var status: Int32 = 0
        while ContinuousClock.now < grace {
            if waitpid(pid, &status, WNOHANG) == pid { return }
            usleep(10_000)
        }
        kill(pid, SIGKILL)
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    }

    /// waitpid's status decoded by hand: the W* macros do not reach Swift.
    private static func outcome(_ status: Int32) -> Outcome {
        status & 0x7f == 0 ? .exited((status >> 8) & 0xff) : .signalled(status & 0x7f)
    }
}
