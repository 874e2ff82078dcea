import Foundation

/// A real SMTP server (aiosmtpd, Peers/smtp_sink.py) on a free loopback port for one test.
final class SMTPSink {
    let folder: URL
    let port: Int
    /// smtps:// with `--implicit-tls`, else smtp://.
    let url: String
    private let process: Process

    /// Starts the server and waits (up to 10 s) for the port it listens on.
    init(_ options: [String] = []) throws {
        folder = try temporaryDirectory()
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [peerScript("smtp_sink.py"), "--dir", folder.path] + options
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Read the first line with poll(2) and read(2): a bounded wait, whatever Foundation's
        // FileHandle does with pipes.
        var line: [UInt8] = []
        var descriptor = pollfd(fd: output.fileHandleForReading.fileDescriptor, events: Int16(POLLIN), revents: 0)
        let deadline = Date().addingTimeInterval(10)
        while !line.contains(UInt8(ascii: "\n")) && Date() < deadline {
            guard poll(&descriptor, 1, 100) > 0 else { continue }
            var buffer = [UInt8](repeating: 0, count: 256)
            let count = read(descriptor.fd, &buffer, buffer.count)
            if count <= 0 { break }
            line += buffer[..<count]
        }
        guard let port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            kill(process.processIdentifier, SIGKILL)
            throw CocoaError(.fileReadUnknown)
        }
        self.port = port
        url = "\(options.contains("--implicit-tls") ? "smtps" : "smtp")://127.0.0.1:\(port)"
    }

    /// The server's self-signed certificate (`--tls`, `--implicit-tls`), for a client to trust.
    var certificate: String { folder.appendingPathComponent("cert.pem").path }

    /// The verb of every command the server read, in order (EHLO, STARTTLS, AUTH, MAIL, ...).
    func commands() throws -> [String] {
        try String(contentsOf: folder.appendingPathComponent("commands.log"), encoding: .utf8).split(separator: "\n").map(String.init)
    }

    /// The messages received so far, in order.
    func messages() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".eml") }.sorted()
            .map { folder.appendingPathComponent($0) }
    }

    /// The messages whose connection was dropped before they were accepted (`--drop-data N`).
    func dropped() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".dropped") }.sorted()
            .map { folder.appendingPathComponent($0) }
    }

    /// SIGKILL, not SIGTERM: a child of the test runner can inherit a mask that blocks SIGTERM.
    deinit {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}

/// What Python's email package makes of some messages (Peers/check_mail.py).
struct ReceivedMail: Decodable {
    let file: String
    let from: String
    let to: String
    let subject: String
    let message_id: String
    let auto_submitted: String?
    let tree: [String]
    let method: String?
    let plain: String?
    let calendar: String?
    let attendees: [String]?
    let sequence: Int?
    let organizer: String?
    /// The VEVENT's STATUS, when it has one.
    let status: String?
    let problems: [String]
    /// The top-level header field names, in order.
    let headers: [String]
    /// [display name, addr-spec] as Python's address parser reads them.
    let from_address: [String]
    let to_address: [String]

    static func read(_ files: [URL]) throws -> [ReceivedMail] {
        guard !files.isEmpty else { return [] }
        let run = try peer("/usr/bin/python3", [peerScript("check_mail.py")] + files.map(\.path))
        return try JSONDecoder().decode([ReceivedMail].self, from: Data(run.stdout.utf8))
    }
}
