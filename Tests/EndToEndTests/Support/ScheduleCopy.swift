import Foundation
import Testing
import TestSupport

/// The bundled schedule with pieces of text replaced, in order, written to a new temporary file;
/// returns its path. Each original must be in the text, so a test never silently tests nothing.
func scheduleCopy(replacing replacements: [(original: String, replacement: String)]) throws -> String {
    var text = try String(contentsOfFile: bundledSchedule, encoding: .utf8)
    for (original, replacement) in replacements {
        #expect(text.contains(original), "the AJC schedule no longer contains \(original)")
        text = text.replacingOccurrences(of: original, with: replacement)
    }
    let path = try temporaryDirectory().appendingPathComponent("plan.yaml").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}
