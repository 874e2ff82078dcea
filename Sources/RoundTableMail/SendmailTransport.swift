import Foundation

/// Pipes each message to `sendmail -t -i`, the local MTA's interface every Unix mail system offers.
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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["-t", "-i"]
        let input = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw .misconfigured("cannot run '\(path)': \(error.localizedDescription)")
        }
        let writer = Thread {
            input.fileHandleForWriting.write(Data(envelope.data))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning {
            process.terminate()
            let grace = Date().addingTimeInterval(2)
            while process.isRunning && Date() < grace { usleep(10_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            throw .temporary("sendmail did not finish within \(Int(timeout)) s")
        }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw .temporary("sendmail exited with status \(process.terminationStatus)\(message.isEmpty ? "" : ": \(message.prefix(200))")")
        }
    }
}
