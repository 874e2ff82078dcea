import Foundation

extension FileManager {
    /// Whether `path` is a folder (a symbolic link to one counts), as opposed to a file or nothing.
    func isFolder(_ path: String) -> Bool {
        var folder: ObjCBool = false
        return fileExists(atPath: path, isDirectory: &folder) && folder.boolValue
    }
}
