import Testing
@testable import RoundTableCore

@Suite struct CalendarTextTests {
    private let before = "BEGIN:VEVENT\r\nUID:a@x\r\nDTSTAMP:20121126T090000Z\r\nSUMMARY:Round table\r\n DTSTAMP:folded\r\nEND:VEVENT\r\n"

    @Test func calendarsThatDifferOnlyInTheirStampsAreTheSame() {
        let later = before.replacingOccurrences(of: "DTSTAMP:20121126T090000Z", with: "DTSTAMP:20121127T100000Z")
        #expect(CalendarText.sameApartFromStamps(before, later))
    }

    @Test func lineEndsWrittenAsLFAreTheSameAsCRLF() {
        #expect(CalendarText.sameApartFromStamps(before, before.replacingOccurrences(of: "\r\n", with: "\n")))
    }

    @Test(arguments: ["SUMMARY:Round table 4", " DTSTAMP:other", "SUMMARY:Round table\r\nLOCATION:Poole"])
    func anyOtherDifferenceCounts(change: String) {
        let original = change.hasPrefix(" ") ? " DTSTAMP:folded" : "SUMMARY:Round table"
        #expect(!CalendarText.sameApartFromStamps(before, before.replacingOccurrences(of: original, with: change)))
    }
}

/// Server URLs shown in messages: never a password, whatever the URL holds.
@Suite struct ServerURLTests {
    @Test(arguments: [
        ("https://cal.example.org/dav/coord/ajc/", "https://cal.example.org/dav/coord/ajc/"),
        ("https://cloud.example.org:8443/remote.php/dav/calendars/ann@example.org/ajc/",
         "https://cloud.example.org:8443/remote.php/dav/calendars/…/ajc/"),
        ("https://coord:secret@cal.example.org/ajc/", "https://cal.example.org/ajc/"),
        ("https://coord:pa/ss-secret@cal.example.org/ajc/", "https://coord:…"),
        ("https://cal.example.org/ajc/?token=x#y", "https://cal.example.org/ajc/"),
    ])
    func aCollectionURLIsShownWithItsPathButNoCredentials(url: String, shown: String) {
        #expect(ServerURL(url, userPart: .beforePath).shownWithPath == shown)
    }

    @Test func theUserPartOfACollectionURLEndsBeforeThePath() {
        let url = ServerURL("https://cloud.example.org/dav/ann@example.org/", userPart: .beforePath)
        #expect(url.userInfo == nil && url.host == "cloud.example.org")
        #expect(ServerURL("https://ann:p%40w@cloud.example.org/", userPart: .beforePath).secrets == ["p%40w", "p@w"])
    }
}
