import CalendarTime
import Foundation
import RoundTableCore
import RoundTableDocuments
import TestSupport

/// The bundled AJC schedule with its seed records, as the demo shows it on 26 Nov 2012.
enum AJC {
    static let asOf = LocalDate(iso: "2012-11-26")!

    static func text(_ path: String) throws -> String {
        try String(contentsOf: repositoryRoot.appendingPathComponent(path), encoding: .utf8)
    }

    static func schedule() throws -> Schedule {
        let (loaded, diagnostics) = ScheduleLoader.load(try text("schedules/ajc-2012.yaml"), file: "ajc-2012.yaml")
        guard let loaded else { throw diagnostics.first! }
        return loaded.schedule
    }

    static func records(_ schedule: Schedule) throws -> Records {
        let (records, diagnostics) = RecordsFile.read(try text("seeds/ajc-2012-records.yaml"), file: "seeds", schedule: schedule, asOf: SupportedYears.lastDay)
        guard let records else { throw diagnostics.first! }
        return records
    }

    /// The templates built into the binary, which are the project's templates/ folder.
    static func templates() throws -> Templates { try Templates() }

    /// Compares with a golden file beside the tests; `RECORD_GOLDEN=1` writes it anew instead.
    static func matchesGolden(_ text: String, _ name: String) throws -> Bool {
        let url = repositoryRoot.appendingPathComponent("Tests/RoundTableDocumentsTests/Golden/\(name)")
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try text.write(to: url, atomically: true, encoding: .utf8)
            return true
        }
        return try String(contentsOf: url, encoding: .utf8) == text
    }
}

extension Diagnostic: Error {}
