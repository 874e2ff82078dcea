import CalendarTime
import Foundation
import Testing

/// The names printed after a time ("10:30 BST") come from the zone's TZif file, and agree with
/// what `date` prints when `TZ` names the zone: the independent peer, reading the same file
/// through glibc.
@Suite struct ZoneAbbreviationTests {
    /// Zones north and south, with letters and with numbers for names, and instants before the
    /// first transition, inside the table, and after its last entry (the footer's rules).
    @Test(arguments: [
        "Europe/London", "America/New_York", "Australia/Sydney", "America/Sao_Paulo", "Europe/Istanbul",
        "Asia/Kolkata", "Pacific/Chatham", "America/Santiago", "Africa/Casablanca", "Asia/Dubai", "Asia/Tehran",
        "America/St_Johns", "Etc/GMT-14",
    ])
    func abbreviationsAgreeWithDate(zone: String) throws {
        let rules = try ZoneRules(identifier: zone)
        let instants = [
            -2_500_000_000,                // 1890: local mean time, before most tables begin
            1_340_000_000, 1_355_000_000,  // June and December 2012
            2_000_000_000, 2_020_000_000,  // 2033, 2034
            2_500_000_000, 2_510_000_000,  // 2049, after a 2037 table ends: the footer
            4_102_444_800 + 15_000_000,    // June 2100
        ]
        for instant in instants {
            #expect(rules.abbreviation(at: instant) == (try date(zone: zone, instant: instant)), "\(zone) at \(instant)")
        }
    }

    /// `date +%Z` at `instant`, with `TZ` set in the child only.
    private func date(zone: String, instant: Int) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/date")
        process.arguments = ["-d", "@\(instant)", "+%Z"]
        process.environment = ["TZ": ":" + zone]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
