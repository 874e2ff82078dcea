import Testing
@testable import ICalendar

/// The integers libical would wrap without a word are problems at their line, naming the
/// property, in a received calendar; exact ones, folded or with parameters, pass.
@Suite struct IntegerValuesTests {
    private static func calendar(_ sequenceLine: String) -> String {
        "BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\nUID:u\r\n\(sequenceLine)\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    }

    @Test(arguments: ["SEQUENCE:2147483648", "SEQUENCE:4294967297", "SEQUENCE:18446744073709551616", "sequence:12abc",
                      "SEQUENCE:4294\r\n 967297", "PRIORITY;X-A=\"a:b\":99999999999"])
    func aValueLibicalWouldWrapIsAProblemNamingItsPropertyAndLine(line: String) throws {
        let (_, problems) = try Component.parseKeepingProblems(Self.calendar(line), limits: .received)
        let problem = try #require(problems.first)
        #expect(problem.property == (line.uppercased().hasPrefix("PRIORITY") ? "PRIORITY" : "SEQUENCE"))
        #expect(problem.component == "VEVENT")
        #expect(problem.message.contains("Line 5 holds"), "\(problem.message)")
    }

    @Test(arguments: ["SEQUENCE:0", "SEQUENCE:2147483647", "SEQUENCE:-2147483648", "SEQUENCE:+7", "SEQUENCE:21\r\n 4748"])
    func aValueLibicalReadsExactlyIsNoProblem(line: String) throws {
        let (calendar, problems) = try Component.parseKeepingProblems(Self.calendar(line), limits: .received)
        #expect(problems.isEmpty)
        let text = line.split(separator: ":")[1].replacingOccurrences(of: "\r\n ", with: "")
        #expect(calendar.components("VEVENT")[0].property("SEQUENCE")?.value == .integer(Int(text)!))
    }

    @Test func ourOwnCalendarsAreNotScanned() throws {
        #expect(try Component.parseKeepingProblems(Self.calendar("SEQUENCE:2147483648")).problems.isEmpty)
    }
}
