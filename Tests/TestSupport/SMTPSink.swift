import Foundation

/// A real SMTP server (aiosmtpd, Peers/smtp_sink.py) on a free loopback port for one test.
package final class SMTPSink {
    /// What the server writes: each accepted message as NNN.eml with its envelope in NNN.json,
    /// commands.log, and cert.pem when it speaks TLS.
    package let folder: URL
    package let port: Int
    /// smtps:// with `--implicit-tls`, else smtp://.
    package let url: String
    private let process: Process

    /// The script failed to start or never said its port; `log` is its standard error.
    package struct StartFailure: Error, CustomStringConvertible {
        package let log: String
        package var description: String { "smtp_sink.py did not start: \(log)" }
    }

    /// Starts the server with `options` (see the script's usage) and waits up to 10 s for its port.
    package init(_ options: [String] = []) throws {
        folder = try temporaryDirectory()
        let log = folder.appendingPathComponent("sink.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [peerScript("smtp_sink.py"), "--dir", folder.path] + options
        let output = Pipe()
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        // poll(2) and read(2) rather than FileHandle, so the wait is bounded whatever happens.
        var line: [UInt8] = []
        var watched = pollfd(fd: output.fileHandleForReading.fileDescriptor, events: Int16(POLLIN), revents: 0)
        let deadline = Date().addingTimeInterval(10)
        while !line.contains(UInt8(ascii: "\n")) && Date() < deadline {
            guard poll(&watched, 1, 100) > 0 else { continue }
            var buffer = [UInt8](repeating: 0, count: 256)
            let count = read(watched.fd, &buffer, buffer.count)
            if count <= 0 { break }
            line += buffer[..<count]
        }
        guard let port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            throw StartFailure(log: (try? String(contentsOf: log, encoding: .utf8)) ?? "")
        }
        self.port = port
        url = "\(options.contains("--implicit-tls") ? "smtps" : "smtp")://127.0.0.1:\(port)"
    }

    /// The server's self-signed certificate (`--tls`, `--implicit-tls`), for a client to trust.
    package var certificate: String { folder.appendingPathComponent("cert.pem").path }

    /// The verb of every command the server read, in order (EHLO, STARTTLS, AUTH, MAIL, ...).
    package func commands() throws -> [String] {
        try String(contentsOf: folder.appendingPathComponent("commands.log"), encoding: .utf8).split(separator: "\n").map(String.init)
    }

    /// The messages received so far, in order.
    package func messages() throws -> [URL] { try files(endingIn: ".eml") }

    /// The messages whose connection was dropped before they were accepted (`--drop-data N`).
    package func dropped() throws -> [URL] { try files(endingIn: ".dropped") }

    /// What the server accepted, in order: the DATA exactly as received, and the envelope.
    package func received() throws -> [(data: [UInt8], from: String, to: [String])] {
        try files(endingIn: ".json").map { envelopeFile in
            let envelope = try JSONSerialization.jsonObject(with: Data(contentsOf: envelopeFile)) as? [String: Any]
            let data = try Data(contentsOf: envelopeFile.deletingPathExtension().appendingPathExtension("eml"))
            return ([UInt8](data), envelope?["from"] as? String ?? "", envelope?["to"] as? [String] ?? [])
        }
    }

    private func files(endingIn suffix: String) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(suffix) }.sorted()
            .map { folder.appendingPathComponent($0) }
    }

    /// SIGKILL, not SIGTERM: a child of the test runner can inherit a mask that blocks SIGTERM.
    deinit {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
