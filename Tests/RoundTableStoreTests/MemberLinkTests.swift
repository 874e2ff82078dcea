import CalendarTime
import Foundation
import RoundTableCore
import RoundTableStore
import Testing

/// Members' secret links and the answers given with them, on every backend.
@Suite struct MemberLinkTests {
    @Test(arguments: StoreKind.allCases)
    func aLinkIsKeptOnlyAsItsDigestAndRotatingReplacesIt(kind: StoreKind) throws {
        try kind.withStore { (store: StateStore) throws in
            let first = try store.issueMemberLink(series: "s", member: "sam")
            #expect(MemberLink.isWellFormed(first))
            #expect(try store.hasMemberLink(series: "s", member: "sam"))
            #expect(try !store.hasMemberLink(series: "s", member: "tom"))
            #expect(try store.memberLinkDigests(series: "s") == ["sam": try MemberLink.digest(of: first)])
            let second = try store.issueMemberLink(series: "s", member: "sam")
            #expect(second != first)
            #expect(try store.memberLinkDigests(series: "s") == ["sam": try MemberLink.digest(of: second)])
            #expect(try store.memberLinkDigests(series: "other").isEmpty)
        }
    }

    @Test func tokensAre128RandomBitsInBase64URL() throws {
        let tokens = (0..<200).map { _ in MemberLink.newToken() }
        #expect(Set(tokens).count == tokens.count)
        #expect(tokens.allSatisfy { MemberLink.isWellFormed($0) && $0.count == 22 })
        // The last character carries 2 of the 128 bits, so it is one of 4 (A, Q, g, w).
        #expect(Set(tokens.map { $0.last! }).isSubset(of: ["A", "Q", "g", "w"]))
        #expect(!MemberLink.isWellFormed("../../etc/passwd"))
        #expect(!MemberLink.isWellFormed(String(repeating: "a", count: 23)))
    }

    @Test func theDigestIsSHA256() throws {
        // SHA-256("abc"), FIPS 180-2's example.
        #expect(try MemberLink.digest(of: "abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(MemberLink.sameDigest("ab", "ab"))
        #expect(!MemberLink.sameDigest("ab", "ac"))
        #expect(!MemberLink.sameDigest("ab", "abc"))
    }

    @Test(arguments: StoreKind.allCases)
    func anAnswerGivenOnThePageIsRecordedAsAReplyAndKnownAsFromTheWeb(kind: StoreKind) throws {
        try kind.withStore { (store: StateStore) throws in
            let at = LocalDateTime(iso: "2012-11-28T09:00:00")!
            let reply = Reply(session: "rt5", attendee: "sam", answer: .accepted, sequence: 0, stamp: at)
            #expect(try store.recordWebReply(reply, series: "s", at: at) == .recorded)
            #expect(try store.replies(series: "s") == [reply])
            #expect(try store.webAnswerers(series: "s", session: "rt5") == ["sam"])
            // A later answer by mail replaces it, and it no longer counts as given on the web.
            let mailed = Reply(session: "rt5", attendee: "sam", answer: .declined, sequence: 0, stamp: LocalDateTime(iso: "2012-11-29T09:00:00")!)
            #expect(try store.recordReply(mailed, series: "s") == .recorded)
            #expect(try store.webAnswerers(series: "s", session: "rt5").isEmpty)
        }
    }
}
