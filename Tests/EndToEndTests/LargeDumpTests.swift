import Foundation
import Testing
import TestSupport

/// A series of 200,000 actions: its records file (27 MB, past the 16 MiB every other file is held
/// to) imports, and `dump` writes the same bytes back a record at a time, in modest memory.
@Suite struct LargeDumpTests {
    private static let actions = 200_000
    /// A debug build imports them in some 12 s of CPU time; a machine busy with other builds
    /// can stretch that past the usual two minutes.
    private static let timeout: Double = 600

    /// The records file `dump` writes for a series of `actions` open actions and nothing else,
    /// made directly rather than through 200,000 commands.
    private static func recordsFile() -> String {
        var text = "# roundtable records: import with `roundtable import FILE`\nformat: 2\nseries: ajc-plg-2012\ncompletions: []\nactions:\n"
        text.reserveCapacity(actions * 140)
        for number in 1...actions {
            text += "- {id: A\(number), session: rt4, owner: sam, text: Collect examples of payment-by-results contract clauses "
                + "number \(number), due: 2012-12-06}\n"
        }
        return text + "attendance: []\ninvitations: []\nreplies: []\nreminders: []\n"
    }

    @Test func aDumpOf200000ActionsImportsAndIsWrittenBackTheSameInModestMemory() throws {
        let workspace = try Workspace()
        let file = workspace.folder.appendingPathComponent("records.yaml")
        let text = Self.recordsFile()
        try text.write(to: file, atomically: true, encoding: .utf8)
        #expect(text.utf8.count > 16 << 20, "larger than the cap on other files")

        let (imported, importKiB) = try roundtableMeasuringMemory(["import", file.path], environment: workspace.env, timeout: Self.timeout)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout == "imported 200000 actions into ajc-plg-2012\n")
        #expect(importKiB < 512 << 10, "import peaked at \(importKiB) KiB")

        let backup = workspace.folder.appendingPathComponent("backup.yaml")
        let (dumped, dumpKiB) = try roundtableMeasuringMemory(["dump", "-o", backup.path], environment: workspace.env, timeout: Self.timeout)
        #expect(dumped.status == 0, "\(dumped.stderr)")
        // Flat: the state is read as the file is written (39 MB here in a debug build). Was 116 MB
        // when the records were read whole first, 2.7 GB when the whole file was one YAML tree.
        #expect(dumpKiB < 64 << 10, "dump peaked at \(dumpKiB) KiB")
        #expect(try String(contentsOf: backup, encoding: .utf8) == text, "the dump is the file imported, byte for byte")
    }
}
