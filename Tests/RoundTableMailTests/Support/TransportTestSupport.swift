import Foundation
import RoundTableMail

/// A fresh folder under the system's temporary directory, removed when the test lets go of it.
final class TransportScratch {
    let url: URL
    var path: String { url.path }

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("roundtable-transport-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// A file's place in the folder.
    func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// An executable bash script in the folder, for a fake sendmail.
    ///
    /// A short-lived shell writes it, not this process: a child another test forks meanwhile
    /// would inherit our descriptor open for writing, and exec of the script would then fail
    /// with "Text file busy".
    func script(_ name: String, _ body: String) throws -> String {
        let path = file(name).path
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/sh")
        writer.arguments = ["-c", ##"printf '%s\n' "#!/bin/bash" "$1" > "$2" && chmod 755 "$2""##, "sh", body, path]
        try writer.run()
        writer.waitUntilExit()
        guard writer.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
        return path
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// A real SMTP server (aiosmtpd, the end-to-end tests' Peers/smtp_sink.py) on a free loopback port for one test.
final class SMTPSinkProcess {
    /// The folder the server saves what it accepts into.
    let scratch: TransportScratch
    let port: Int
    /// smtps:// with `--implicit-tls`, else smtp://.
    let url: String
    private let process: Process

    /// The script failed to start or never said its port; `log` is its standard error.
    struct StartFailure: Error, CustomStringConvertible {
        let log: String
        var description: String { "smtp_sink.py did not start: \(log)" }
    }

    /// Starts the server with `options` (see the script's usage) and waits up to 10 s for its port.
    init(_ options: [String] = []) throws {
        scratch = try TransportScratch()
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../EndToEndTests/Peers/smtp_sink.py").standardized
        let log = scratch.file("sink.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [script.path, "--dir", scratch.file("received").path] + options
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
    var certificate: String { scratch.file("received/cert.pem").path }

    /// The verb of every command the server read, in order (EHLO, STARTTLS, AUTH, MAIL, ...).
    func commands() throws -> [String] {
        try String(contentsOf: scratch.file("received/commands.log"), encoding: .utf8).split(separator: "\n").map(String.init)
    }

    /// What the server accepted, in order: the DATA exactly as received, and the envelope.
    func received() throws -> [(data: [UInt8], from: String, to: [String])] {
        let folder = scratch.file("received")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        return try names.map { name in
            let envelope = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent(name))) as? [String: Any]
            let data = try Data(contentsOf: folder.appendingPathComponent(name.replacingOccurrences(of: ".json", with: ".eml")))
            return ([UInt8](data), envelope?["from"] as? String ?? "", envelope?["to"] as? [String] ?? [])
        }
    }

    /// SIGKILL, not SIGTERM: a child of the test runner can inherit a mask that blocks SIGTERM.
    deinit {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}

extension Envelope {
    /// A small message with CRLF line endings, as the renderer makes them.
    static func sample(id: String = "m1.rt4@ajc.example.org", to recipients: [String] = ["zoe@consult.example.org"],
                       body: String = "Hello") -> Envelope {
        let text = "From: coord@ajc.example.org\r\nTo: \(recipients.joined(separator: ", "))\r\nSubject: Test\r\n"
            + "Message-ID: <\(id)>\r\n\r\n\(body)\r\n"
        return Envelope(sender: "coord@ajc.example.org", recipients: recipients, messageID: id, data: Array(text.utf8))
    }
}
