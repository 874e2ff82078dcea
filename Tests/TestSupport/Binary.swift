import Foundation

/// What a finished process left behind.
package struct Run: Sendable {
    package let status: Int32
    package let stdout: String
    package let stderr: String
}

/// The repository, found from this file, so tests can use the bundled schedule and seeds.
package let repositoryRoot: URL = {
    var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
        url.deleteLastPathComponent()
    }
    return url
}()

/// The built `roundtable`, beside the test bundle (or `$ROUNDTABLE_BIN`).
package let roundtableBinary: String = {
    if let bin = ProcessInfo.processInfo.environment["ROUNDTABLE_BIN"] { return bin }
    var folder = Bundle.main.bundleURL
    for _ in 0..<3 {
        let candidate = folder.appendingPathComponent("roundtable").path
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        folder.deleteLastPathComponent()
    }
    return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("roundtable").path
}()

/// The default state folder (`XDG_STATE_HOME`) of every run of the binary in this test process,
/// so a test that leaves the state to its default never opens the developer's own state file
/// (which a roundtable of another checkout may have migrated past this one).
private let scratchStateHome: String = {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("roundtable-e2e-state-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
}()

/// Runs the built binary as a user would. `ROUNDTABLE_*` variables of the developer's own
/// environment are removed, and the default state is a scratch one, so their set-up never leaks
/// into a test. `wrapper` is a command that runs it, such as `["/usr/bin/prlimit", "--fsize=4096"]`:
/// the binary and its arguments follow it. The run is killed after `timeout` seconds.
package func roundtable(_ arguments: [String], environment: [String: String] = [:], currentDirectory: URL? = nil,
                stdin: String? = nil, stdinFile: URL? = nil, wrapper: [String] = [], timeout: Double = 120) throws -> Run {
    var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("ROUNDTABLE_") }
    env["XDG_STATE_HOME"] = scratchStateHome
    env.merge(environment) { _, new in new }
    let command = wrapper + [roundtableBinary] + arguments
    return try run(command[0], Array(command.dropFirst()), environment: env, currentDirectory: currentDirectory, stdin: stdin,
                   stdinFile: stdinFile, timeout: timeout)
}

/// `roundtable(...)` under GNU time, with the most memory the child ever held (its maximum
/// resident set size, in KiB, as wait4 reports it). `limits` is a command run between time and
/// the binary, such as `prlimit` and `timeout` (see `hardLimits`).
package func roundtableMeasuringMemory(_ arguments: [String], environment: [String: String] = [:],
                               stdinFile: URL? = nil, limits: [String] = [], timeout: Double = 120) throws -> (run: Run, maxResidentKiB: Int) {
    let folder = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let report = folder.appendingPathComponent("rss").path
    let run = try roundtable(arguments, environment: environment, stdinFile: stdinFile,
                             wrapper: ["/usr/bin/time", "-q", "-f", "%M", "-o", report] + limits, timeout: timeout)
    let kib = Int(try String(contentsOfFile: report, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    return (run, kib)
}

/// Limits under which a run must end with a result: at most `addressSpaceMiB` of address space
/// (an allocation past it fails, and the run crashes) and `seconds` of wall time (then SIGKILL,
/// exit 137), so a crash, a hang and a memory bomb each show as a wrong exit status.
package func hardLimits(addressSpaceMiB: Int, seconds: Int) -> [String] {
    ["/usr/bin/prlimit", "--as=\(addressSpaceMiB << 20)", "/usr/bin/timeout", "-s", "KILL", "\(seconds)"]
}

/// Writes a file of `megabytes` MB: `head` (a valid start, say) then `line` repeated to fill it.
package func writeLargeFile(_ url: URL, megabytes: Int, head: String, line: String) throws {
    FileManager.default.createFile(atPath: url.path, contents: Data(head.utf8))
    let handle = try FileHandle(forWritingTo: url)
    defer { try? handle.close() }
    try handle.seekToEnd()
    let unit = Data(String(repeating: line, count: (1 << 20) / line.utf8.count + 1).utf8.prefix(1 << 20))
    for _ in 0..<megabytes { try handle.write(contentsOf: unit) }
}

/// Runs a peer program (a Python checker, khal, a fake sendmail), killed after `timeout` seconds.
package func peer(_ executable: String, _ arguments: [String], timeout: Double = 60) throws -> Run {
    try run(executable, arguments, environment: ProcessInfo.processInfo.environment, timeout: timeout)
}

/// A peer program shipped in `Tests/TestSupport/Peers`.
package func peerScript(_ name: String) -> String {
    repositoryRoot.appendingPathComponent("Tests/TestSupport/Peers/\(name)").path
}

/// A fresh, empty folder for one test's files.
package func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("roundtable-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Output is collected through files rather than pipes, so a chatty child can never block on a
/// full pipe while we wait for it to exit.
private func run(_ executable: String, _ arguments: [String], environment: [String: String],
                 currentDirectory: URL? = nil, stdin: String? = nil, stdinFile: URL? = nil, timeout: Double = 120) throws -> Run {
    let folder = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("out"), err = folder.appendingPathComponent("err")
    FileManager.default.createFile(atPath: out.path, contents: nil)
    FileManager.default.createFile(atPath: err.path, contents: nil)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = environment
    if let currentDirectory { process.currentDirectoryURL = currentDirectory }
    process.standardOutput = try FileHandle(forWritingTo: out)
    process.standardError = try FileHandle(forWritingTo: err)
    if let stdinFile {
        process.standardInput = try FileHandle(forReadingFrom: stdinFile)
    } else if let stdin {
        let input = folder.appendingPathComponent("in")
        try stdin.write(to: input, atomically: true, encoding: .utf8)
        process.standardInput = try FileHandle(forReadingFrom: input)
    } else {
        process.standardInput = FileHandle.nullDevice
    }
    try process.run()
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline { usleep(10_000) }
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
    return Run(status: process.terminationStatus,
               stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
               stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
}
