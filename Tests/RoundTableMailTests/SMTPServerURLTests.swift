import Testing
@testable import RoundTableMail

/// ROUNDTABLE_SMTP_URL read before libcurl: shown without credentials whatever it holds.
@Suite struct SMTPServerURLTests {
    @Test(arguments: [
        ("smtp://mail.example.org:587", "smtp://mail.example.org:587"),
        ("smtps://coord:secret@mail.example.org:465/", "smtps://mail.example.org:465"),
        ("SMTP://coord:secret@Mail.Example.org", "smtp://Mail.Example.org"),
        ("smtp://coord:pa/ss-secret@mail.example.org:25", "smtp://mail.example.org:25"),
        ("smtp://coord:pa?ss-secret@mail.example.org:25", "smtp://mail.example.org:25"),
        ("smtp://coord:pa#ss-secret@mail.example.org:25", "smtp://mail.example.org:25"),
        ("smtp://coord@ajc.example.org:p@ss-secret@mail.example.org", "smtp://mail.example.org"),
        ("coord:pa/ss-secret@mail.example.org:25", "mail.example.org:25"),
        ("coord:a://secret@mail.example.org", "mail.example.org"),
        ("smtp://coord:secret", "smtp://coord:…"),
        ("smtp://[::1]:25/client.example?x#y", "smtp://[::1]:25"),
        ("smtp://mail.example.org/ehlo-secret", "smtp://mail.example.org"),
    ])
    func theShownURLKeepsSchemeHostAndANumericPortOnly(url: String, shown: String) {
        #expect(SMTPServerURL(url).shown == shown)
    }

    @Test(arguments: [
        ("smtp://mail.example.org", false),
        ("smtp://@mail.example.org", true),
        ("smtp://coord:secret@mail.example.org", true),
        ("smtp://mail.example.org/x@y", true),
    ])
    func anAtSignAnywhereCountsAsAUserPart(url: String, hasUserPart: Bool) {
        #expect((SMTPServerURL(url).userInfo != nil) == hasUserPart)
    }

    @Test func thePasswordOfTheUserPartIsKnownAsWrittenAndDecoded() {
        #expect(SMTPServerURL("smtp://coord:s%2Fcret@mail.example.org").secrets == ["s%2Fcret", "s/cret"])
        #expect(SMTPServerURL("smtp://coord@mail.example.org").secrets.isEmpty)
    }

    @Test(arguments: ["smtp://coord:pa%2Fss@mail.example.org:587", "smtps://mail.example.org", "Smtp://m"])
    func aURLLibcurlReadsAsWeDoPasses(url: String) throws {
        try SMTPServerURL(url).check()
    }
}
