import CalendarTime
import RoundTableCore
import RoundTableStore
import Testing

/// What `rsvp --mailbox` keeps of a mailbox: messages read, per UIDVALIDITY, with the answers of
/// the replies among them written in the same transaction, and which replies are still to mark.
@Suite struct MailboxSeenTests {
    private let mailbox = "imaps://coord@127.0.0.1:993/INBOX"

    private func reply(_ answer: Reply.Answer, at stamp: String) -> (series: String, reply: Reply) {
        ("ajc", Reply(session: "rt5", attendee: "sam", answer: answer, sequence: 0, stamp: LocalDateTime(iso: stamp)!))
    }

    @Test(arguments: StoreKind.allCases)
    func messagesReadAreKeptPerValidityWithTheirAnswersAndWhatIsLeftToMark(kind: StoreKind) throws {
        try kind.withStore { store in
            let kept = try store.recordMailboxMessages([
                (MailboxMessage(item: "7", uid: 7, outcome: .other), []),
                (MailboxMessage(item: "9", uid: 9, outcome: .recorded), [reply(.declined, at: "2012-11-10T09:00:00")]),
                (MailboxMessage(item: "8", uid: 8, outcome: .refused, note: "forged"), []),
            ], mailbox: mailbox, validity: 42)
            #expect(kept == [[], [.recorded], []])
            var seen = try store.mailboxSeen(mailbox: mailbox, validity: 42)
            #expect(seen.items == ["7", "8", "9"] && seen.highestUID == 9 && seen.unmarked == ["8", "9"])
            try store.markMailboxMessage(item: "9", mailbox: mailbox, validity: 42)
            seen = try store.mailboxSeen(mailbox: mailbox, validity: 42)
            #expect(seen.unmarked == ["8"])
            #expect(try store.mailboxSeen(mailbox: mailbox, validity: 43).items.isEmpty, "another UIDVALIDITY is another mailbox")
            #expect(try store.replies(series: "ajc").map(\.answer) == [.declined])

            // The same answer again (a message read twice) changes nothing; an older one is not kept.
            let again = try store.recordMailboxMessages([(MailboxMessage(item: "10", uid: 10, outcome: .recorded),
                                                          [reply(.declined, at: "2012-11-10T09:00:00"), reply(.accepted, at: "2012-11-09T09:00:00")])],
                                                        mailbox: mailbox, validity: 42)
            #expect(again == [[.alreadyRecorded, .superseded]])
            #expect(try store.replies(series: "ajc").map(\.answer) == [.declined])
        }
    }
}
