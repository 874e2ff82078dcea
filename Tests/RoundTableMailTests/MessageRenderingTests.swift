import Foundation
import RoundTableCore
import RoundTableMail
import Testing

/// Messages as they leave roundtable, read back by a parser nobody here wrote (Python's email
/// package, through parse_eml.py), and checked byte by byte for what SMTP and sendmail demand.
@Suite struct MessageRenderingTests {
    private static let zoe = try! Address(name: "Zoë Lindqvist", email: "zoe.lindqvist@ajc.example.org")
    private static let sam = try! Address(name: "Sam Okafor", email: "sam@ajc.example.org")

    /// A message from Zoë to Sam around `body`; 1353920400 is Mon, 26 Nov 2012 09:00:00 UTC.
    private static func message(subject: String = "Reminder", from: Address = zoe, body: MIMEPart) -> MailMessage {
        MailMessage(from: from, to: sam, subject: subject, date: 1_353_920_400,
                    messageID: "remind.2012-11-26.sam.ajc-plg-2012@ajc.example.org",
                    extraHeaders: [("Auto-Submitted", "auto-generated")], body: body)
    }

    @Test func invitationReadsBackInPythonWithEveryHeaderPartAndByteAsWritten() throws {
        let subject = "Write-up due: Balancing interests — rt4"
        let text = "Hello Sam,\r\n\r\nRound table 4 — Balancing interests — meets on Monday 3 December, "
            + "13:30–15:30, in Seminar room 2.\r\nPlease accept or decline in your calendar.\r\n\r\nZoë\r\n"
        var mail = Self.message(subject: subject, body: .invitation(text: text, calendar: invitationCalendar, method: "REQUEST"))
        mail.extraHeaders.append(("X-Roundtable-Series", "ajc-plg-2012"))
        let bytes = try mail.rendered()
        #expect(wireProblems(bytes) == [])
        #expect(try mail.rendered() == bytes, "rendering is deterministic, boundaries included")

        let headerLines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n\r\n")[0].components(separatedBy: "\r\n")
        #expect(headerLines.filter { $0.utf8.count > 78 } == [])
        #expect(headerLines.filter { !$0.hasPrefix(" ") }.map { String($0.prefix { $0 != ":" }) }
            == ["From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "Auto-Submitted", "X-Roundtable-Series", "Content-Type"])
        let encodedWords = headerLines.joined().matches(of: encodedWord).map(\.output)
        #expect(!encodedWords.isEmpty && encodedWords.allSatisfy { $0.count <= 75 })

        let parsed = try readWithPython(bytes)
        #expect(parsed.defects == [])
        #expect(parsed.from.map(\.name) == ["Zoë Lindqvist"] && parsed.from.map(\.email) == ["zoe.lindqvist@ajc.example.org"])
        #expect(parsed.to.map(\.name) == ["Sam Okafor"] && parsed.to.map(\.email) == ["sam@ajc.example.org"])
        #expect(parsed.subject == subject)
        #expect(parsed.messageID == "<remind.2012-11-26.sam.ajc-plg-2012@ajc.example.org>")
        #expect(parsed.date == "2012-11-26T09:00:00+00:00")
        #expect(parsed.headers["MIME-Version"] == "1.0")
        #expect(parsed.headers["Auto-Submitted"] == "auto-generated")
        #expect(parsed.headers["X-Roundtable-Series"] == "ajc-plg-2012")

        let root = parsed.root
        #expect(root.type == "multipart/mixed")
        try #require(root.parts.count == 2)
        let alternative = root.parts[0], file = root.parts[1]
        #expect(alternative.type == "multipart/alternative")
        try #require(alternative.parts.count == 2)
        let plain = alternative.parts[0], calendar = alternative.parts[1]
        #expect(plain.type == "text/plain" && plain.params["charset"]?.lowercased() == "utf-8")
        #expect(plain.text == text)
        #expect(calendar.type == "text/calendar")
        #expect(calendar.params["method"] == "REQUEST" && calendar.params["charset"]?.lowercased() == "utf-8")
        #expect(calendar.text == invitationCalendar)
        #expect(file.type == "application/ics" && file.disposition == "attachment")
        #expect(file.filename == "invite.ics" && file.params["name"] == "invite.ics")
        #expect(file.base64.flatMap { Data(base64Encoded: $0) } == Data(invitationCalendar.utf8))
    }

    @Test(arguments: [
        ("Zoë Lindqvist", "Write-up due: Balancing interests — rt4"),
        ("Lee, Sam \"The Hat\" \\ Jr.", "Plain ASCII words " + String(repeating: "and more words ", count: 12) + "to fold"),
        ("  spaced  out  ", "=?UTF-8?B?bm90IGVuY29kZWQ=?= but looks it"),
        ("=?UTF-8?Q?not_encoded?=", String(repeating: "ÅÄÖ😀", count: 40)),
        ("Chair " + String(repeating: "Ünïcödé ", count: 30), String(repeating: "x", count: 1_500)),
        (String(repeating: "Plain ASCII name that goes on ", count: 5), "Ends in spaces   "),
        ("👩🏽‍⚖️ Judge" + String(repeating: "👩🏽‍⚖️", count: 8), "e\u{301}" + String(repeating: "\u{301}", count: 60)),
    ])
    func headerTextOfEveryKindReadsBackExactly(name: String, subject: String) throws {
        let mail = Self.message(subject: subject, from: try Address(name: name, email: "chair@ajc.example.org"),
                                body: .text("Body"))
        let bytes = try mail.rendered()
        #expect(wireProblems(bytes) == [])
        let head = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n\r\n")[0]
        let longest = head.components(separatedBy: "\r\n").map(\.utf8.count).max() ?? 0
        #expect(longest <= 78 || !subject.contains(" "), "only a subject with no space to fold at may pass 78")
        let parsed = try readWithPython(bytes)
        #expect(parsed.defects == [])
        let from = try #require(parsed.from.first)
        #expect(from.email == "chair@ajc.example.org")
        // Python's modern parser keeps the whitespace between a name's encoded words (CPython
        // gh-128110), so a name in several words is checked with its RFC 2047 decoder instead.
        let fromField = head.components(separatedBy: "\r\nTo: ")[0]
        let severalWords = fromField.matches(of: encodedWord).count > 1
        #expect(severalWords ? from.rfc2047Name == name : from.name == name)
        #expect(parsed.subject == subject)
    }

    @Test(arguments: [
        ("tricky", trickyText, trickyText),
        ("ends without a line break", "one\r\ntwo", "one\r\ntwo"),
        ("empty", "", ""),
        ("LF lines become CRLF", "first\nsecond\n\nlast\n", "first\r\nsecond\r\n\r\nlast\r\n"),
        ("lone CR becomes CRLF", "old\rmac\r", "old\r\nmac\r\n"),
    ])
    func quotedPrintableDecodesToTheTextWithCRLFLineBreaks(label: String, text: String, expected: String) throws {
        let bytes = try Self.message(body: .text(text)).rendered()
        #expect(wireProblems(bytes) == [])
        let body = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n")
        for line in body.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 76, "encoded line too long: \(line)")
            #expect(line.last != " " && line.last != "\t", "whitespace ends an encoded line: \(line)")
            #expect(!line.hasPrefix("."), "a line starts with '.': \(line)")
        }
        let parsed = try readWithPython(bytes)
        #expect(parsed.defects == [])
        #expect(parsed.root.type == "text/plain")
        #expect(parsed.root.text == expected)
    }

    @Test func aLineOfExactly76CharactersNeedsNoSoftBreak() throws {
        let line = String(repeating: "y", count: 76)
        let bytes = try Self.message(body: .text(line + "\r\n")).rendered()
        #expect(String(decoding: bytes, as: UTF8.self).hasSuffix("\r\n\r\n" + line + "\r\n"))
    }

    @Test(arguments: Injection.allCases)
    func lineBreaksFromDataNeverReachAHeader(_ injection: Injection) {
        #expect(throws: MailError.headerInjection(field: injection.field)) { try injection.attempt() }
    }

    @Test(arguments: ["no-at-sign", "two@@example.org", "a@b@example.org", "sam okafor@example.org", "<sam@example.org>",
                      "@example.org", "sam@", "sam.@example.org", "sam@example..org", "zoë@example.org", "sam@exam,ple.org",
                      String(repeating: "a", count: 250) + "@example.org"])
    func addressesThatAreNotPlainLocalAtDomainAreRefused(email: String) throws {
        let reason = try #require(EmailAddress.problem(in: email), "check's rule refuses it too")
        #expect(throws: MailError.invalidAddress(email.count > 32 ? email.prefix(31) + "…" : email, reason: reason)) {
            _ = try Address(name: "Sam", email: email)
        }
    }

    @Test(arguments: ["no-at-sign", "two@@example.org", "a b@example.org", "<a@example.org>", "a@", "@b", "zoë@example.org"])
    func messageIDsThatAreNotPlainLeftAtRightAreRefused(id: String) {
        var mail = Self.message(body: .text("x"))
        mail.messageID = id
        #expect(throws: MailError.invalidMessageID(id)) { _ = try mail.rendered() }
    }

    @Test func errorMessagesQuoteOnlyAShortExcerptOfTheValue() {
        let long = String(repeating: "member", count: 40) + "@example.org "
        do {
            _ = try Address(name: "Sam", email: long)
            Issue.record("an address with a space was accepted")
        } catch {
            #expect(error.description == "'membermembermembermembermemberm…' is not an email address roundtable can send to: "
                + "its name part is longer than 64 characters.")
        }
    }

    @Test func boundariesNeverOccurInsideTheContentTheySeparate() throws {
        let first = try Self.message(body: .invitation(text: "x", calendar: invitationCalendar, method: "REQUEST")).rendered()
        let firstBoundaries = boundaries(in: first)
        #expect(firstBoundaries.count == 2 && Set(firstBoundaries).count == 2)
        // Content quoting the boundaries just used, in text, in a calendar and in a file name that
        // stays literal in its header, and a boundary-like line of its own.
        let bait = firstBoundaries.map { "--\($0)\r\n--\($0)--\r\n" }.joined() + "--=_rt0_\r\n=_rt1_00000000\r\n"
        let body = MIMEPart.multipart(subtype: "mixed", parts: [
            .multipart(subtype: "alternative", parts: [.text(bait), .text(bait, subtype: "calendar", parameters: [("method", "REQUEST")])]),
            .attachment(filename: firstBoundaries[0], contentType: "text/plain", data: Array(bait.utf8)),
            .attachment(filename: "=_rt0_" + firstBoundaries[1], contentType: "text/plain", data: Array(bait.utf8)),
        ])
        let bytes = try Self.message(body: body).rendered()
        #expect(wireProblems(bytes) == [])
        let text = String(decoding: bytes, as: UTF8.self)
        let declared = boundaries(in: bytes)
        #expect(declared.count == 2)
        for boundary in declared {
            let lines = text.components(separatedBy: "\r\n")
            #expect(text.components(separatedBy: boundary).count - 1 == lines.filter { $0.hasPrefix("--" + boundary) }.count + 1,
                    "'\(boundary)' appears only in its own delimiter lines and its declaration")
        }
        let parsed = try readWithPython(bytes)
        #expect(parsed.defects == [])
        #expect(parsed.root.parts.map(\.type) == ["multipart/alternative", "text/plain", "text/plain"])
        #expect(parsed.root.parts[0].parts.map(\.text) == [bait, bait])
        #expect(parsed.root.parts[1].filename == firstBoundaries[0])
        #expect(parsed.root.parts[2].text == bait)
    }

    @Test func longAndUnusualValuesStillGiveCRLFLinesOf998OctetsAtMost() throws {
        let huge = String(repeating: "z", count: 3_000)
        let body = MIMEPart.multipart(subtype: "mixed", parts: [
            .text(huge + "\r\n" + String(repeating: "é", count: 2_000)),
            .text(huge, subtype: "calendar", parameters: [("method", "REQUEST"), ("x-note", String(repeating: "ä ", count: 400))]),
            .attachment(filename: "Protokoll för möte " + String(repeating: "nummer ", count: 60) + ".ics",
                        contentType: "text/calendar", parameters: [("method", "CANCEL")], data: Array(huge.utf8)),
        ])
        var mail = Self.message(subject: huge, from: try Address(name: huge, email: "chair@ajc.example.org"), body: body)
        mail.extraHeaders.append(("X-Long", huge))
        let bytes = try mail.rendered()
        #expect(wireProblems(bytes) == [])
        let parsed = try readWithPython(bytes)
        #expect(parsed.defects == [])
        #expect(parsed.subject == huge && parsed.headers["X-Long"] == huge && parsed.from.first?.rfc2047Name == huge)
        #expect(parsed.root.parts[0].text == huge + "\r\n" + String(repeating: "é", count: 2_000))
        #expect(parsed.root.parts[1].params["x-note"] == String(repeating: "ä ", count: 400))
        #expect(parsed.root.parts[2].filename == "Protokoll för möte " + String(repeating: "nummer ", count: 60) + ".ics")
    }
}

/// Each way data could try to smuggle a line break (or another control character) into a header.
enum Injection: String, CaseIterable, Sendable {
    case displayNameLF, displayNameCR, displayNameCRLF, displayNameLineSeparator, emailAddressCRLF
    case subjectCRLF, subjectLF, subjectNUL, extraHeaderValueCRLF, extraHeaderNameCRLF, messageIDCRLF
    case mimeParameterCRLF, attachmentFileNameLF

    /// The `field` the error must name.
    var field: String {
        switch self {
        case .displayNameLF, .displayNameCR, .displayNameCRLF, .displayNameLineSeparator: "display name"
        case .emailAddressCRLF: "email address"
        case .subjectCRLF, .subjectLF, .subjectNUL: "subject"
        case .extraHeaderValueCRLF: "'Auto-Submitted' header"
        case .extraHeaderNameCRLF: "header name 'X-Evil\\r\\nBcc'"
        case .messageIDCRLF: "Message-ID"
        case .mimeParameterCRLF: "'method' parameter"
        case .attachmentFileNameLF: "attachment file name"
        }
    }

    /// Makes the address or renders the message that carries the bad value.
    func attempt() throws(MailError) {
        let sam = try Address(name: "Sam", email: "sam@ajc.example.org")
        var mail = MailMessage(from: sam, to: sam, subject: "Hi", date: 0, messageID: "a@ajc.example.org", body: .text("x"))
        switch self {
        case .displayNameLF: _ = try Address(name: "Zoë\nBcc: all@example.org", email: "z@example.org")
        case .displayNameCR: _ = try Address(name: "Zoë\rBcc: all@example.org", email: "z@example.org")
        case .displayNameCRLF: _ = try Address(name: "Zoë\r\nBcc: all@example.org", email: "z@example.org")
        case .displayNameLineSeparator: _ = try Address(name: "Zoë\u{2028}Bcc: all@example.org", email: "z@example.org")
        case .emailAddressCRLF: _ = try Address(name: "Zoë", email: "z@example.org\r\nBcc: all@example.org")
        case .subjectCRLF: mail.subject = "Hi\r\nBcc: all@example.org"
        case .subjectLF: mail.subject = "Hi\nthere"
        case .subjectNUL: mail.subject = "Hi\u{0}"
        case .extraHeaderValueCRLF: mail.extraHeaders = [("Auto-Submitted", "auto-generated\r\nBcc: all@example.org")]
        case .extraHeaderNameCRLF: mail.extraHeaders = [("X-Evil\r\nBcc", "all@example.org")]
        case .messageIDCRLF: mail.messageID = "a@example.org>\r\nBcc: <all@example.org"
        case .mimeParameterCRLF: mail.body = .text("x", subtype: "calendar", parameters: [("method", "REQUEST\r\nBcc: x")])
        case .attachmentFileNameLF: mail.body = .attachment(filename: "a\nb.ics", contentType: "application/ics", data: [1])
        }
        _ = try mail.rendered()
    }
}

/// Text that trips quoted-printable encoders: long lines, "=" signs, trailing whitespace,
/// non-ASCII split across soft breaks, lines at and around 76 characters, dots and "From ".
private let trickyText = [
    String(repeating: "0123456789", count: 20),
    "a=b==c= =3D=\t= ",
    "trailing spaces   ",
    "trailing tab\t",
    String(repeating: "Zoë — naïve 日本語 🎉 ", count: 6),
    String(repeating: "y", count: 76),
    String(repeating: "y", count: 75),
    String(repeating: "y", count: 77),
    String(repeating: "w", count: 74) + "=",
    String(repeating: "v", count: 75) + " ",
    ".",
    ".leading dot",
    "From the start",
    "",
    "   ",
    "last line without a break",
].joined(separator: "\r\n")

/// An iTIP REQUEST as roundtable sends it: CRLF lines folded at 75 octets, non-ASCII names.
private let invitationCalendar = [
    "BEGIN:VCALENDAR",
    "PRODID:-//roundtable//roundtable 1.0//EN",
    "VERSION:2.0",
    "CALSCALE:GREGORIAN",
    "METHOD:REQUEST",
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Stockholm",
    "BEGIN:STANDARD",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "END:STANDARD",
    "BEGIN:DAYLIGHT",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "END:DAYLIGHT",
    "END:VTIMEZONE",
    "BEGIN:VEVENT",
    "UID:ajc-plg-2012.rt4@roundtable",
    "DTSTAMP:20121126T090000Z",
    "SEQUENCE:0",
    "DTSTART;TZID=Europe/Stockholm:20121203T133000",
    "DTEND;TZID=Europe/Stockholm:20121203T153000",
    "SUMMARY:Round table 4: Balancing interests",
    "LOCATION:Seminar room 2\\, Juridicum",
    "ORGANIZER;CN=Zoë Lindqvist:mailto:zoe.lindqvist@ajc.example.org",
    "ATTENDEE;CN=Sam Okafor;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:sam@ajc.example.org",
    "ATTENDEE;CN=Zoë Lindqvist;ROLE=CHAIR;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:zoe.lindqvist@ajc.example.org",
    "DESCRIPTION:Balancing interests: proportionality in Swedish and EU law — "
        + "bring the draft write-up.\\n\\nOpen actions from earlier sessions:\\n"
        + "- Sam: circulate the reading list (rt3)\\n- Zoë: book the room for rt5 = done? "
        + "Check with the faculty office before Friday.",
    "END:VEVENT",
    "END:VCALENDAR",
].map(folded).joined(separator: "\r\n") + "\r\n"

/// An iCalendar content line folded at 75 octets (RFC 5545 §3.1), never inside a UTF-8 sequence.
private func folded(_ line: String) -> String {
    var out = "", used = 0
    for scalar in line.unicodeScalars {
        let size = String(scalar).utf8.count
        if used + size > 75 {
            out += "\r\n "
            used = 1
        }
        out.unicodeScalars.append(scalar)
        used += size
    }
    return out
}

/// Everything about the raw bytes that SMTP (RFC 5321) and RFC 5322 forbid: a CR or LF not in a
/// CRLF pair, an 8-bit byte, a line over 998 octets, a message not ending in CRLF.
private func wireProblems(_ bytes: [UInt8]) -> [String] {
    var problems: [String] = []
    var lineStart = 0
    for (index, byte) in bytes.enumerated() {
        if byte >= 128 { problems.append("8-bit byte at \(index)") }
        if byte == 10, index == 0 || bytes[index - 1] != 13 { problems.append("bare LF at \(index)") }
        if byte == 13, index + 1 == bytes.count || bytes[index + 1] != 10 { problems.append("bare CR at \(index)") }
        if byte == 10 {
            if index - 1 - lineStart > 998 { problems.append("line of \(index - 1 - lineStart) octets at \(lineStart)") }
            lineStart = index + 1
        }
    }
    if bytes.suffix(2) != [13, 10] { problems.append("no CRLF at the end") }
    return problems
}

/// The multipart boundaries a message declares, outermost first.
private func boundaries(in bytes: [UInt8]) -> [String] {
    String(decoding: bytes, as: UTF8.self).matches(of: /boundary="([^"]+)"/).map { String($0.output.1) }
}

/// An RFC 2047 encoded word as we write them.
private var encodedWord: Regex<Substring> { /=\?UTF-8\?B\?[A-Za-z0-9+\/=]*\?=/ }

/// A mailbox as Python's `email.headerregistry.Address` reads it, with the display name also
/// through the strict RFC 2047 decoder.
struct ParsedMailbox: Decodable {
    let name: String
    let email: String
    let rfc2047Name: String
}

/// One MIME part as Python's email package decodes it.
struct ParsedPart: Decodable {
    let type: String
    let params: [String: String]
    let disposition: String?
    let filename: String?
    let text: String?
    let base64: String?
    let parts: [ParsedPart]
}

/// A whole message as parse_eml.py reports it.
struct ParsedMessage: Decodable {
    let from: [ParsedMailbox]
    let to: [ParsedMailbox]
    let subject: String?
    let messageID: String?
    let date: String?
    let headers: [String: String]
    let defects: [String]
    let root: ParsedPart
}

/// parse_eml.py failed; its stderr says why.
struct PythonFailure: Error, CustomStringConvertible {
    let description: String
}

/// Python's reading of `message`: parse_eml.py (beside this file) on a temporary .eml, run with
/// Debian's /usr/bin/python3, its output collected through files so a full pipe cannot stall it.
private func readWithPython(_ message: [UInt8]) throws -> ParsedMessage {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("roundtable-mime-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let eml = folder.appendingPathComponent("message.eml")
    let out = folder.appendingPathComponent("out.json"), err = folder.appendingPathComponent("err.txt")
    try Data(message).write(to: eml)
    try Data().write(to: out)
    try Data().write(to: err)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
    process.arguments = [URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("parse_eml.py").path, eml.path]
    process.standardOutput = try FileHandle(forWritingTo: out)
    process.standardError = try FileHandle(forWritingTo: err)
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw PythonFailure(description: String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }
    return try JSONDecoder().decode(ParsedMessage.self, from: try Data(contentsOf: out))
}
