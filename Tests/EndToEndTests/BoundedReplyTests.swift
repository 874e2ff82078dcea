import Foundation
import Testing
import TestSupport

/// Replies built to crash, hang or exhaust `rsvp` (issue 11): each ends with a result or a
/// refusal by name, under hard limits on time and address space, in bounded memory.
///
/// The budget is 2 s and 256 MB in a release build (docs/performance.md has the measurements).
/// These run the debug build, several times slower, so the clock limit is 30 s: it tells a hang
/// (the 8,000-deep multipart never finished) from a result. Memory is the same in both builds.
@Suite struct BoundedReplyTests {
    private let workspace: Workspace
    private static let memoryCeilingKiB = 256 * 1024
    private static let limits = hardLimits(addressSpaceMiB: 1024, seconds: 30)
    private static let sam = "From: Sam Patel <sam.patel@charity.example.org>\r\n"

    /// rt5 was sent to every member at SEQUENCE 0, so a well-formed reply is recorded.
    init() throws {
        workspace = try Workspace(["ROUNDTABLE_NOW": "2012-11-12T09:00:00Z"])
        let invite = try workspace.rt(["invite", "rt5", "--outbox", workspace.folder.appendingPathComponent("outbox").path])
        #expect(invite.status == 0, "\(invite.stderr)")
    }

    /// `rsvp` of `text` saved as `name`, under the limits; the output must be exactly `stdout`
    /// and `stderr` (the file's path, then the message), within the memory ceiling.
    private func expectRSVP(_ name: String, _ text: String, status: Int32, stdout: String = "", refusal: String? = nil) throws {
        let path = workspace.folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (run, kib) = try roundtableMeasuringMemory(["rsvp", path], environment: workspace.env, limits: Self.limits)
        #expect(run.status == status, "\(run.stderr)")
        #expect(run.stdout == stdout)
        #expect(run.stderr == (refusal.map { "roundtable: error: \(path): \($0)\n" } ?? ""))
        #expect(kib > 0 && kib < Self.memoryCeilingKiB, "max RSS \(kib) KiB")
    }

    // MARK: Crashes

    @Test(arguments: ["BEGIN:VEVENT\r\n", "B\r\n EGIN:VEVENT\r\n", "begin;x=1:VEVENT\r\n"])
    func twentyThousandNestedComponentsAreRefusedNotACrash(line: String) throws {
        let text = "BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\n" + String(repeating: line, count: 20_000)
        try expectRSVP("nested.ics", text, status: 65, refusal: "The calendar nests components more than 16 deep "
                       + "(BEGIN: inside BEGIN:); no calendar client writes that, so it was not read.")
    }

    // MARK: Hangs

    @Test(arguments: [1_000, 8_000])
    func multipartsNestedThousandsDeepAreRefusedAtOnce(depth: Int) throws {
        var text = Self.sam + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b0\r\n\r\n"
        for level in 1..<depth { text += "--b\(level - 1)\r\nContent-Type: multipart/mixed; boundary=b\(level)\r\n\r\n" }
        text += "--b\(depth - 1)\r\nContent-Type: text/calendar\r\n\r\n" + ReplyFile().calendar
        for level in (0..<depth).reversed() { text += "--b\(level)--\r\n" }
        try expectRSVP("deep.eml", text, status: 65,
                       refusal: "Its MIME parts nest more than 32 deep; no mail client writes that, so it was not read.")
    }

    @Test func aSixMegabytePropertyLineIsRefused() throws {
        let reply = ReplyFile(events: [ReplyFile.Event(lines: ["COMMENT:" + String(repeating: "x", count: 6_000_000)])])
        try expectRSVP("long-line.ics", reply.calendar, status: 65,
                       refusal: "Line 12 of the calendar is longer than 65536 octets; calendar clients fold lines at 75, so it was not read.")
    }

    @Test func aFifteenMegabyteBase64BodyIsRead() throws {
        let comment = "COMMENT:" + Array(repeating: String(repeating: "x", count: 74), count: 150_000).joined(separator: "\r\n ")
        let text = ReplyFile(events: [ReplyFile.Event(lines: [comment])]).email()
        #expect(text.utf8.count > 15_000_000)
        try expectRSVP("base64.eml", text, status: 0, stdout: "rt5: Sam Patel accepted\n")
    }

    /// The calendar quoted-printable, then 15 MB of soft line breaks (which took 385 MB).
    @Test func fifteenMegabytesOfQuotedPrintableSoftBreaksAreRead() throws {
        let encoded = ReplyFile().calendar.replacingOccurrences(of: "=", with: "=3D").replacingOccurrences(of: "\r\n", with: "=0D=0A=\r\n")
        let text = Self.sam + "MIME-Version: 1.0\r\nContent-Type: text/calendar; method=REPLY; charset=UTF-8\r\n"
            + "Content-Transfer-Encoding: quoted-printable\r\n\r\n" + String(repeating: "=\r\n", count: 5_000_000) + encoded
        try expectRSVP("soft-breaks.eml", text, status: 0, stdout: "rt5: Sam Patel accepted\n")
    }

    /// A VTIMEZONE whose rule repeats every second, asked about the year 9999: libical would
    /// expand it for ever; a reply's local times are never resolved.
    @Test func aTimeZoneThatChangesEverySecondIsNotExpanded() throws {
        let zone = ["BEGIN:VTIMEZONE", "TZID:Z", "BEGIN:STANDARD", "DTSTART:19700101T000000", "RRULE:FREQ=SECONDLY",
                    "TZOFFSETFROM:+0100", "TZOFFSETTO:+0000", "END:STANDARD", "END:VTIMEZONE", "BEGIN:VEVENT"].joined(separator: "\r\n")
        let text = ReplyFile().calendar.replacingOccurrences(of: "BEGIN:VEVENT", with: zone)
            .replacingOccurrences(of: "DTSTART;TZID=Europe/London:20121206T103000", with: "DTSTART;TZID=Z:99991231T235959")
        try expectRSVP("zone.ics", text, status: 0, stdout: "rt5: Sam Patel accepted\n")
    }

    // MARK: Memory

    /// 16 MiB of one-letter properties took 700 MB: libical makes an object of each.
    @Test func sixteenMebibytesOfTinyPropertiesAreRefused() throws {
        let reply = ReplyFile(events: [ReplyFile.Event(lines: Array(repeating: "COMMENT:x", count: 1_500_000))])
        try expectRSVP("tiny.ics", reply.calendar, status: 65,
                       refusal: "The calendar holds more than 100000 lines and parameters; a reply holds a few dozen, so it was not read.")
    }
}
