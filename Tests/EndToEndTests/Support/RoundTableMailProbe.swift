import RoundTableMail
import TestSupport

/// The mail layer's own guard, reached directly for what the schedule check already stops.
enum RoundTableMailProbe {
    static func address(name: String) throws -> Address { try Address(name: name, email: "sam@example.org") }
}
