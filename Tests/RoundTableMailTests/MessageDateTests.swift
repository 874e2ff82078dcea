import Foundation
@testable import RoundTableMail
import Testing

/// The Date header every message carries, written without Foundation's formatter: it must read
/// exactly as that formatter wrote it, on any day.
@Suite struct MessageDateTests {
    @Test(arguments: [
        0, 1_353_920_400, 951_782_400, 951_868_799, 1_356_998_399, 1_356_998_400, 4_102_444_800, -86_401, 1_783_728_000 + 45_296,
    ])
    func theDateHeaderReadsAsFoundationWritesIt(seconds: Int) {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        #expect(MailMessage.rfc5322Date(seconds) == formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds))))
    }

    @Test func theExampleOfTheDocComment() {
        #expect(MailMessage.rfc5322Date(1_353_920_400) == "Mon, 26 Nov 2012 09:00:00 +0000")
    }
}
