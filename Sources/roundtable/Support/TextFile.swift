import Foundation

/// Reading and writing the text files a person hands us or gets back.
enum TextFile {
    /// The file's text; a missing or unreadable file is exit 66, bytes that are not UTF-8 exit 65.
    static func read(_ path: String) throws -> String {
        guard let text = String(bytes: try readBytes(path), encoding: .utf8) else {
            throw RoundTableError.invalid("'\(path)' is not UTF-8 text.")
        }
        return text
    }

    /// The file's bytes; a missing or unreadable file is exit 66.
    static func readBytes(_ path: String) throws -> [UInt8] {
        guard FileManager.default.fileExists(atPath: path) else {
            throw RoundTableError.inputMissing("'\(path)' does not exist.")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RoundTableError.inputMissing("'\(path)' cannot be read (check its permissions).")
        }
        return Array(data)
    }

    /// Writes through a temporary file and a rename, so a reader (a web server serving a feed)
    /// never sees half a file.
    static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw RoundTableError.cannotWrite(path: path, reason: error.localizedDescription)
        }
    }
}
