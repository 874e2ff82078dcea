import ICalendar
import RoundTableCore

/// `rsvp --mailbox`: reads the mail a mailbox received since the last run, records the answers
/// of every iMIP REPLY under the rules `rsvp FILE` applies, and marks the replies read, leaving
/// every other message as it was.
///
/// Safe to run from cron every few minutes, and to kill at any point: each message is recorded
/// as read in the same transaction as its answers, before it is marked in the mailbox, and a
/// message recorded but not yet marked is marked by the next run without being read again. So a
/// run stopped anywhere (or a server that drops the connection) loses nothing, and the next
/// recording of an answer already recorded changes nothing. The caller holds the run lock of
/// every series involved, so two runs never read the same message at once.
public struct MailboxIntake {
    /// The largest message read, as for reply files: a bigger one is left alone as not a reply.
    public static let messageLimit = 16 << 20
    /// How many messages that are not replies are recorded as read in one transaction: one
    /// each would cost a commit per newsletter, and losing a batch to a kill only means reading
    /// those again.
    static let batchSize = 500

    /// What a run reports as it goes.
    public enum Event {
        /// An answer found in a reply and what became of it; nil in a dry run.
        case answer(series: String, reply: Reply, outcome: ReplyOutcome?)
        /// A reply that was refused: reported once, never read again.
        case refused(item: String, reason: String)
    }

    /// What a run did, for its one line on standard error.
    public struct Summary: Equatable {
        public var recorded = 0, refused = 0, other = 0
    }

    private let mailbox: any Mailbox
    /// One per series the replies may be about (the first is used to refuse an unknown UID).
    private let rules: [ReplyRules]
    private let dryRun: Bool

    public init(mailbox: any Mailbox, rules: [ReplyRules], dryRun: Bool) {
        self.mailbox = mailbox
        self.rules = rules
        self.dryRun = dryRun
    }

    /// Reads the new messages, oldest first.
    public func run(ledger: any MailboxLedger, report: (Event) -> Void) throws -> Summary {
        defer { mailbox.close() }
        let validity = try mailbox.open()
        let name = mailbox.name
        let seen = try ledger.mailboxSeen(mailbox: name, validity: validity)
        let new = try mailbox.newMessages(after: seen)
        if !dryRun {
            // A run stopped between recording a reply and marking it: finish the work.
            for item in seen.unmarked {
                try mailbox.mark(item: item)
                try ledger.markMailboxMessage(item: item, mailbox: name, validity: validity)
            }
        }
        var summary = Summary()
        var others: [MailboxMessage] = []
        func flushOthers() throws {
            guard !others.isEmpty, !dryRun else { return }
            _ = try ledger.recordMailboxMessages(others.map { ($0, []) }, mailbox: name, validity: validity)
            others = []
        }
        for entry in new {
            let bytes = try mailbox.read(entry, limit: Self.messageLimit)
            let (message, replies) = judge(bytes, entry: entry)
            switch message.outcome {
            case .other:
                summary.other += 1
                others.append(message)
                if others.count >= Self.batchSize { try flushOthers() }
                continue
            case .refused:
                summary.refused += 1
                report(.refused(item: entry.item, reason: message.note))
            case .recorded:
                summary.recorded += 1
            }
            guard !dryRun else {
                replies.forEach { report(.answer(series: $0.series, reply: $0.reply, outcome: nil)) }
                continue
            }
            let batch = others.map { (message: $0, replies: [(series: String, reply: Reply)]()) } + [(message, replies)]
            let outcomes = try ledger.recordMailboxMessages(batch, mailbox: name, validity: validity)
            others = []
            for (reply, outcome) in zip(replies, outcomes.last ?? []) { report(.answer(series: reply.series, reply: reply.reply, outcome: outcome)) }
            try mailbox.mark(item: entry.item)
            try ledger.markMailboxMessage(item: entry.item, mailbox: name, validity: validity)
        }
        try flushOthers()
        return summary
    }

    /// What a message is: a reply whose answers can be recorded, a reply refused (with why), or
    /// other mail. A message with no calendar, or a calendar that is not METHOD:REPLY (an
    /// invitation someone forwarded), is other mail; a REPLY that breaks a rule is refused.
    private func judge(_ bytes: [UInt8]?, entry: MailboxEntry) -> (MailboxMessage, [(series: String, reply: Reply)]) {
        func message(_ outcome: MailboxMessage.Outcome, _ note: String = "", refusal: MailboxMessage.Refusal? = nil) -> MailboxMessage {
            MailboxMessage(item: entry.item, uid: entry.uid, outcome: outcome, note: note, refusal: refusal)
        }
        guard let bytes, let content = try? CalendarPartReader.read(bytes) else { return (message(.other), []) }
        // The series whose organiser hears of a refusal: the one the reply's UID names, else the first.
        var series = rules.first?.schedule.series.id ?? ""
        do {
            let (calendar, problems) = try Component.parseKeepingProblems(content.calendar, limits: .received)
            guard let rules = ReplyReader.rules(for: calendar, among: rules) else { return (message(.other), []) }
            series = rules.schedule.series.id
            let replies = try ReplyReader.replies(in: calendar, problems: problems, from: content.sender, emailText: content.text, rules: rules)
            return (message(.recorded), replies.map { (rules.schedule.series.id, $0) })
        } catch ReplyError.notAReply {
            return (message(.other), [])
        } catch {
            return (message(.refused, "\(error)", refusal: MailboxMessage.Refusal(series: series, from: content.from, subject: content.subject,
                                                                                date: content.date)), [])
        }
    }
}
