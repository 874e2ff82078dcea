import CalendarTime
import Foundation
import GRDB
import RoundTableCore
import RoundTableStore
import Testing

/// What invitations, replies and reminders leave behind: the memory that stops doubled mail.
@Suite struct MailRecordTests {
    private let sentAt = LocalDateTime(iso: "2012-11-08T09:00:00")!

    @Test(arguments: StoreKind.allCases)
    func aLedgerRowIsKeptOnceHoweverOftenItIsRecorded(kind: StoreKind) throws {
        try kind.withStore { store in
            let entry = LedgerEntry(item: "stage:rt4:writeup", recipient: "sam", trigger: day("2012-11-02"))
            try store.recordSent([entry], series: "ajc", messageID: "m1@x", at: sentAt)
            try store.recordSent([entry], series: "ajc", messageID: "m1@x", at: sentAt)
            try store.recordSent([entry], series: "other", messageID: "m2@x", at: sentAt)
            let ledger = try store.ledger(series: "ajc")
            #expect(ledger == [entry])
        }
    }

    @Test(arguments: StoreKind.allCases)
    func anOlderReplyNeverOverwritesANewerOne(kind: StoreKind) throws {
        try kind.withStore { store in
            let t = { (s: String) in LocalDateTime(iso: s)! }
            let newer = Reply(session: "rt4", attendee: "sam", answer: .declined, sequence: 1, stamp: t("2012-10-01T09:00:00"))
            let olderSequence = Reply(session: "rt4", attendee: "sam", answer: .accepted, sequence: 0, stamp: t("2012-10-02T09:00:00"))
            let olderStamp = Reply(session: "rt4", attendee: "sam", answer: .tentative, sequence: 1, stamp: t("2012-09-30T09:00:00"))
            let kept = try [newer, olderSequence, olderStamp, newer].map { try store.recordReply($0, series: "ajc") }
            #expect(kept == [.recorded, .superseded, .superseded, .alreadyRecorded])
            let answers = try store.replies(series: "ajc").map(\.answer)
            #expect(answers == [.declined])
        }
    }

    @Test(arguments: StoreKind.allCases)
    func aNoteIsKeptWithItsAnswerAndANewerAnswerBringsItsOwn(kind: StoreKind) throws {
        try kind.withStore { store in
            let t = { (s: String) in LocalDateTime(iso: s)! }
            let first = Reply(session: "rt4", attendee: "sam", answer: .declined, sequence: 0, stamp: t("2012-10-01T09:00:00"),
                              note: "Can someone else be rapporteur?")
            let outcome = try store.recordReply(first, series: "ajc")
            let kept = try store.replies(series: "ajc")
            #expect(outcome == .recorded && kept == [first])
            let second = Reply(session: "rt4", attendee: "sam", answer: .accepted, sequence: 0, stamp: t("2012-10-02T09:00:00"))
            let replaced = try store.recordReply(second, series: "ajc")
            let notes = try store.replies(series: "ajc").map(\.note)
            #expect(replaced == .recorded && notes == [""], "the newer answer came without a note")
        }
    }

    @Test(arguments: StoreKind.allCases)
    func anInvitationRecordIsReplacedByTheNextOneSent(kind: StoreKind) throws {
        try kind.withStore { store in
            let first = InvitationRecord(session: "rt4", attendee: "sam", sequence: 0, fingerprint: "a", content: "c", cancelled: false)
            let second = InvitationRecord(session: "rt4", attendee: "sam", sequence: 1, fingerprint: "b", content: "c", cancelled: false)
            try store.recordInvitation(Sent(first, messageID: "i0@x", at: sentAt), series: "ajc")
            try store.recordInvitation(Sent(second, messageID: "i1@x", at: sentAt), series: "ajc")
            let invitations = try store.invitations(series: "ajc")
            #expect(invitations == [second])
        }
    }

    @Test func aFileFromTheFirstSchemaIsUpgradedWithItsRecordsKept() throws {
        try withTemporaryFolder { folder in
            let path = folder + "/state.sqlite"
            do {
                let queue = try DatabaseQueue(path: path)
                var v1 = DatabaseMigrator()
                v1.registerMigration("v1-completions-actions") { db in
                    try db.execute(sql: """
                        CREATE TABLE completions (series TEXT NOT NULL, session TEXT NOT NULL, stage TEXT NOT NULL, done_on TEXT NOT NULL,
                            recorded_at TEXT NOT NULL DEFAULT 'x', PRIMARY KEY (series, session, stage));
                        CREATE TABLE actions (series TEXT NOT NULL, number INTEGER NOT NULL, session TEXT NOT NULL, owner TEXT NOT NULL,
                            text TEXT NOT NULL, due TEXT NOT NULL, done_on TEXT, PRIMARY KEY (series, number));
                        INSERT INTO completions (series, session, stage, done_on) VALUES ('ajc', 'rt1', 'plan', '2012-03-16');
                        """)
                }
                try v1.migrate(queue)
            }
            let store = try StateStore(path: path)
            let completions = try store.records(series: "ajc").completions
            let ledger = try store.ledger(series: "ajc")
            #expect(completions.count == 1)
            #expect(ledger.isEmpty)
        }
    }

    @Test func aSecondRunWaitsForTheSeriesLockThenGivesUpWhileOtherSeriesStayFree() throws {
        try withTemporaryFolder { folder in
            let path = folder + "/state.sqlite"
            var held: RunLock? = try RunLock(statePath: path, series: "s1", timeout: 1)
            let started = Date()
            #expect(throws: StoreError.locked(path: path)) { try RunLock(statePath: path, series: "s1", timeout: 0.3) }
            #expect(Date().timeIntervalSince(started) >= 0.3)
            #expect(held != nil)
            _ = try RunLock(statePath: path, series: "s2", timeout: 0.3)
            held = nil
            _ = try RunLock(statePath: path, series: "s1", timeout: 0.3)
        }
    }
}
