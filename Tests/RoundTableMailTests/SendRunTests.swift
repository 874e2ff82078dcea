import RoundTableMail
import Testing
import TestSupport

/// The sequence every sending command shares: hand over, then record; never record what was
/// not handed over; go on past a refused recipient; stop at a temporary failure.
@Suite struct SendRunTests {
    private func message(to email: String) throws -> MailMessage {
        MailMessage(from: try Address(name: "Alex", email: "alex@ajc.example.org"), to: try Address(name: "M", email: email),
                    subject: "Reminder", date: 1_353_920_400, messageID: "m.\(email)", body: .text("Hello"))
    }

    @Test func eachMessageIsRecordedOnlyOnceAcceptedAndARefusedOneDoesNotStopTheOthers() throws {
        let transport = InMemoryTransport(refusing: ["b@example.org"])
        var lines: [String] = [], recorded: [String] = []
        var run = SendRun(transport: transport, dryRun: false) { lines.append($0) }
        for email in ["a@example.org", "b@example.org", "c@example.org"] {
            try run.send(try message(to: email), summary: email) { recorded.append(email) }
        }
        #expect(transport.delivered.map(\.recipients) == [["a@example.org"], ["c@example.org"]])
        #expect(recorded == ["a@example.org", "c@example.org"])
        #expect(lines == ["sent: a@example.org", "sent: c@example.org"])
        #expect(throws: DeliveryError.refused(["b@example.org: 550 no such user"])) { try run.finish() }
    }

    @Test func aTemporaryFailureStopsTheRunWithNothingRecordedForWhatWasNotSent() throws {
        let transport = InMemoryTransport(downFrom: 2)
        var recorded: [String] = []
        var run = SendRun(transport: transport, dryRun: false) { _ in }
        try run.send(try message(to: "a@example.org"), summary: "a") { recorded.append("a") }
        #expect(throws: DeliveryError.temporary("the test server is down")) {
            try run.send(try message(to: "b@example.org"), summary: "b") { recorded.append("b") }
        }
        #expect(recorded == ["a"])
        #expect(run.sent == 1)
    }

    @Test func aDryRunSendsAndRecordsNothingButStillRendersEachMessage() throws {
        let transport = InMemoryTransport()
        var lines: [String] = []
        var run = SendRun(transport: transport, dryRun: true) { lines.append($0) }
        try run.send(try message(to: "a@example.org"), summary: "a") { Issue.record("a dry run recorded") }
        #expect(transport.delivered.isEmpty)
        #expect(lines == ["would send: a"])
        var broken = try message(to: "a@example.org")
        broken.subject = "Two\nlines"
        #expect(throws: MailError.self) { try run.send(broken, summary: "b") {} }
        try run.finish()
    }
}
