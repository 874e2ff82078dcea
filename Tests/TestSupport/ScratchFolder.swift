import Foundation

/// A fresh folder under the system's temporary directory, removed when the test lets go of it.
package final class ScratchFolder {
    package let url: URL
    package var path: String { url.path }

    package init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("roundtable-transport-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// A file's place in the folder.
    package func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// An executable bash script in the folder, for a fake sendmail.
    ///
    /// A short-lived shell writes it, not this process: a child another test forks meanwhile
    /// would inherit our descriptor open for writing, and exec of the script would then fail
    /// with "Text file busy".
    package func script(_ name: String, _ body: String) throws -> String {
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
