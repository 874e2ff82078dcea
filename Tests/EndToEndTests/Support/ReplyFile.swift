import Foundation
import TestSupport

/// A reply to the AJC series, as the tests write one: a calendar with METHOD:REPLY, saved bare
/// (.ics) or inside an email (.eml) the way a calendar client sends it.
struct ReplyFile {
    /// One VEVENT: by default Sam accepting rt5 at SEQUENCE 0, stamped 10 November 2012.
    struct Event {
        var uid = "rt5.ajc-plg-2012@ajc.example.org"
        var stamp = "20121110T090000Z"
        var sequence = 0
        /// Each ATTENDEE's address and PARTSTAT.
        var attendees = [(address: "sam.patel@charity.example.org", answer: "ACCEPTED")]
        /// More content lines, written after the ATTENDEEs.
        var lines: [String] = []
    }

    var method = "REPLY"
    var events = [Event()]

    /// The calendar, CRLF line ends.
    var calendar: String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test Client//EN", "METHOD:\(method)"]
        for event in events {
            lines += ["BEGIN:VEVENT", "UID:\(event.uid)", "DTSTAMP:\(event.stamp)", "SEQUENCE:\(event.sequence)",
                      "DTSTART;TZID=Europe/London:20121206T103000", "ORGANIZER:mailto:alex.morgan@ajc.example.org"]
            lines += event.attendees.map { "ATTENDEE;PARTSTAT=\($0.answer);CN=Someone:mailto:\($0.address)" }
            lines += event.lines + ["END:VEVENT"]
        }
        return (lines + ["END:VCALENDAR", ""]).joined(separator: "\r\n")
    }

    /// The calendar in an email, base64 in a multipart/alternative beside a text part. `from`
    /// is the whole From: field value; several give several From: fields; none, no field.
    /// `headers` are more header fields, whole ("Reply-To: …").
    func email(from: [String] = ["Sam Patel <sam.patel@charity.example.org>"], headers: [String] = []) -> String {
        let head = from.map { "From: \($0)" } + headers + ["To: alex.morgan@ajc.example.org", "Subject: Reply", "MIME-Version: 1.0",
                                               "Content-Type: multipart/alternative; boundary=\"xyz\""]
        return (head + ["", "--xyz", "Content-Type: text/plain", "", "Reply", "--xyz",
                        "Content-Type: text/calendar; method=REPLY; charset=UTF-8", "Content-Transfer-Encoding: base64", "",
                        Data(calendar.utf8).base64EncodedString(options: .lineLength76Characters), "--xyz--", ""])
            .joined(separator: "\r\n")
    }

    /// Writes `text` to a new file in `folder` with the extension `ext`; returns its path.
    static func write(_ text: String, in folder: URL, ext: String) throws -> String {
        let url = folder.appendingPathComponent("reply-\(UUID().uuidString).\(ext)")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }
}
