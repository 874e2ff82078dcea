import Foundation
import RoundTableCore
import Testing
@testable import RoundTableMail

/// Finding a reply's calendar and sender in one pass, whatever the email's shape.
@Suite struct CalendarPartReaderTests {
    private static let calendar = "BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nEND:VCALENDAR"

    private func read(_ text: String) throws(CalendarPartReader.Failure) -> CalendarPartReader.Content {
        try CalendarPartReader.read(Array(text.utf8))
    }

    @Test func aBareCalendarNamesNoSender() throws {
        let content = try read("\r\n  begin:vcalendar\r\nEND:VCALENDAR\r\n")
        #expect(content.sender == .calendarFile)
        #expect(content.calendar == "\r\n  begin:vcalendar\r\nEND:VCALENDAR\r\n")
    }

    @Test func theFirstCalendarPartIsFoundHoweverTheMultipartsNest() throws {
        let mail = """
            From: Sam <sam@example.org>\r\nContent-Type: multipart/mixed; boundary="outer; with semicolon"\r\n\r\npreamble\r
            --outer; with semicolon\r\nContent-Type: multipart/alternative;\r\n boundary=inner\r\n\r\n--inner\r\nContent-Type: text/plain\r
            \r\n--outer; with semicolon is not a delimiter here\r\n--inner \t\r\nContent-Type: TEXT/Calendar; method=REPLY\r\n\r
            \(Self.calendar)\r\n--inner--\r\n--outer; with semicolon--\r\nepilogue\r\n
            """
        let content = try read(mail)
        #expect(content.calendar == Self.calendar)
        #expect(content.sender == .email(from: "sam@example.org"))
    }

    /// An inner part left unclosed ends at its enclosing multipart's delimiter (RFC 2046 keeps
    /// boundaries out of the parts they enclose).
    @Test func aPartEndsAtAnyOpenBoundary() throws {
        let mail = "Content-Type: multipart/mixed; boundary=a\n\n--a\nContent-Type: multipart/mixed; boundary=b\n\n--b\n"
            + "Content-Type: text/plain\n\nhello\n--a\nContent-Type: application/ics\n\n\(Self.calendar)\n--a--\n"
        #expect(try read(mail).calendar == Self.calendar)
    }

    @Test func multipartsNestAtMost32Deep() throws {
        func nested(_ depth: Int) -> String {
            var text = "Content-Type: multipart/mixed; boundary=b0\n\n"
            for level in 1..<depth { text += "--b\(level - 1)\nContent-Type: multipart/mixed; boundary=b\(level)\n\n" }
            return text + "--b\(depth - 1)\nContent-Type: text/calendar\n\n\(Self.calendar)\n"
        }
        #expect(try read(nested(32)).calendar == Self.calendar + "\n", "the last part runs to the end")
        #expect(throws: CalendarPartReader.Failure.tooDeep(limit: 32)) { try read(nested(33)) }
    }

    @Test func aHeaderFieldPast64KiBReadsAsEmpty() {
        let folded = "Content-Type: text/calendar;\r\n" + String(repeating: " x=y;\r\n", count: 20_000) + "\r\n" + Self.calendar
        #expect(throws: CalendarPartReader.Failure.noCalendarPart) { try read(folded) }
    }

    @Test func onlyTheCalendarPartMustBeUTF8() throws {
        let mail = Array("Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nd".utf8) + [0xE9]
            + Array("j\u{E0}\n--b\nContent-Type: text/calendar\n\n\(Self.calendar)\n--b--\n".utf8)
        #expect(try CalendarPartReader.read(mail).calendar == Self.calendar)
        let latin1 = Array("Content-Type: text/calendar\n\nBEGIN:VCALENDAR\nX-A:".utf8) + [0xE9] + Array("\nEND:VCALENDAR\n".utf8)
        #expect(throws: CalendarPartReader.Failure.notText) { try CalendarPartReader.read(latin1) }
    }

    // MARK: Transfer encodings

    @Test(arguments: [
        ("QkVHSU46VkNBTEVOREFS", "BEGIN:VCALENDAR"),
        ("QkVH\r\nSU46 VkNB\tTEVO\nREFS", "BEGIN:VCALENDAR"),
        ("QQ==", "A"),
        ("QUI=", "AB"),
        ("QQ==QUJD", "A"),
        ("!!!QUJD???", "ABC"),
    ])
    func base64IgnoresWhatIsNotInItsAlphabet(encoded: String, decoded: String) {
        #expect(TransferDecoding.decode(ArraySlice(encoded.utf8), encoding: "BASE64") == Array(decoded.utf8))
    }

    @Test(arguments: [
        ("a=3Db", "a=b"),
        ("caf=c3=a9", "café"),
        ("soft=\r\nbreak", "softbreak"),
        ("soft=  \t\nbreak", "softbreak"),
        ("trailing   \r\nspace", "trailing\r\nspace"),
        ("inner  space", "inner  space"),
        ("bad=ZZ=", "bad=ZZ"),
        ("end=", "end"),
    ])
    func quotedPrintableDecodesAsRFC2045Says(encoded: String, decoded: String) {
        #expect(TransferDecoding.decode(ArraySlice(encoded.utf8), encoding: "Quoted-Printable") == Array(decoded.utf8))
    }

    @Test func decodingNeverGrowsTheInput() {
        let softBreaks = ArraySlice(String(repeating: "=\r\n", count: 100_000).utf8)
        #expect(TransferDecoding.quotedPrintable(softBreaks).isEmpty)
        let spaces = ArraySlice(String(repeating: " ", count: 100_000).utf8)
        #expect(TransferDecoding.quotedPrintable(spaces).isEmpty)
        #expect(TransferDecoding.base64(spaces).isEmpty)
    }

    // MARK: From:

    @Test(arguments: [
        ("sam@example.org", "sam@example.org"),
        ("Sam Patel <sam@example.org>", "sam@example.org"),
        ("\"Patel, Sam <x@y.example>\" <sam@example.org>", "sam@example.org"),
        ("=?UTF-8?B?U8OkbSA8eEB5LmV4YW1wbGU+?= <sam@example.org>", "sam@example.org"),
        ("sam@example.org (Sam (the) Patel)", "sam@example.org"),
        ("<@relay.example:sam@example.org>", "sam@example.org"),
        ("Sam < sam@example.org >", "sam@example.org"),
    ])
    func theFromAddressIsTheOneMailbox(field: String, address: String) {
        #expect(FromAddress.address(in: field) == address)
    }

    @Test(arguments: [
        "", "Sam Patel", "a@example.org, b@example.org", "<a@example.org> <b@example.org>", "\"unclosed <a@example.org>",
        "Sam <a@example.org", "(unclosed comment a@example.org", "<>", "Team: a@example.org, b@example.org;",
    ])
    func aFieldThatIsNotExactlyOneMailboxNamesNoSender(field: String) {
        #expect(FromAddress.address(in: field) == nil)
    }

    @Test func twoFromFieldsNameNoSender() throws {
        let mail = "From: sam@example.org\r\nFrom: other@example.org\r\nContent-Type: text/calendar\r\n\r\n\(Self.calendar)"
        #expect(try read(mail).sender == .email(from: nil))
    }
}
