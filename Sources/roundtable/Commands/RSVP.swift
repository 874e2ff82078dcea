import ArgumentParser
import CalendarTime
import Foundation
import ICalendar
import RoundTableCore
import RoundTableMail
import RoundTableStore

extension RoundTable {
    /// `roundtable rsvp`: record attendees' answers from iMIP replies (.ics files or whole emails).
    struct RSVP: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rsvp",
            abstract: "Record attendees' answers from iMIP REPLY files (.ics or saved emails), or straight from a mailbox.",
            discussion: """
                Every file is read; a file that cannot be used is reported and the others still count. Exit 65 if any was refused. \
                '-' reads one reply from standard input (for a mail filter); files over 16 MiB are refused. \
                A reply is believed only when it could be genuine: one ATTENDEE per event, a member who was sent that invitation, \
                a SEQUENCE that was sent, a DTSTAMP no later than a day from now, and, in a whole email, From: the attendee's \
                own address (or, from a calendar server listed in the schedule's mail: relays:, Reply-To: that address). \
                A bare .ics file names no sender, so only the other rules apply to it.

                --mailbox reads the replies a mailbox received since the last run, from cron: imaps://USER@HOST[:PORT]/FOLDER \
                (imap:// with STARTTLS, which is required), the password from $ROUNDTABLE_IMAP_PASSWORD or ~/.netrc, \
                $ROUNDTABLE_IMAP_CA_FILE to trust a private CA; or maildir:PATH. Each reply is recorded, then marked \
                ($RoundtableRead, or in a Maildir moved to cur/ as seen) or moved with --move-to; other mail is left as it was, \
                nothing is deleted, and no message is read twice. With -s FOLDER each reply goes to the series it names. \
                Exit 69 when the server cannot be reached, 75 when it fails mid-run (the next run finishes), 77 when it refuses the login.
                """)

        @OptionGroup var options: CommonOptions

        @Flag(name: .customLong("trust-sender"), help: """
            Record replies whose email From: is not their attendee's address (a reply forwarded by a colleague, say). \
            Use it only for files you vouch for.
            """)
        var trustSender = false

        @Option(help: ArgumentHelp("Read new replies from a mailbox instead of files.", valueName: "imaps://user@host/folder|maildir:path"))
        var mailbox: String?

        @Option(name: .customLong("move-to"), help: ArgumentHelp("With --mailbox: move each handled reply to this folder instead of marking it.",
                                                                 valueName: "folder"))
        var moveTo: String?

        @Flag(name: .customLong("dry-run"), help: "With --mailbox: print what would be recorded; record and mark nothing.")
        var dryRun = false

        @Argument(help: "Reply files ('-' for standard input).")
        var files: [String] = []

        func validate() throws {
            if mailbox == nil {
                guard !files.isEmpty else { throw ValidationError("Give the reply files to read, or --mailbox.") }
                guard moveTo == nil, !dryRun else { throw ValidationError("--move-to and --dry-run go with --mailbox.") }
            } else if !files.isEmpty {
                throw ValidationError("Give reply files or --mailbox, not both.")
            } else if trustSender {
                throw ValidationError("--trust-sender is for files you vouch for one by one, not for a mailbox; list relays in the schedule's mail: relays: instead.")
            }
        }

        func run() throws {
            if let mailbox { return try readMailbox(mailbox) }
            let context = try options.load()
            let schedule = context.schedule
            let invitations = try context.store.invitations(series: schedule.series.id)
            let rules = ReplyRules(schedule: schedule, invitations: invitations, now: LocalDateTime(secondsSinceEpoch: context.clock.now()))
            var refused: [String] = []
            var allMissing = true
            for file in files {
                do {
                    let bytes = file == "-" ? try TextFile.readStandardInput() : try TextFile.readBytes(file)
                    let content = try CalendarPartReader.read(bytes)
                    let (calendar, problems) = try Component.parseKeepingProblems(content.calendar, limits: .received)
                    let sender = trustSender ? .vouchedFor : content.sender
                    for reply in try ReplyReader.replies(in: calendar, problems: problems, from: sender, emailText: content.text, rules: rules) {
                        let outcome = try context.store.recordReply(reply, series: schedule.series.id)
                        print(Self.line(for: reply, outcome: outcome, schedule: schedule, invitations: invitations))
                    }
                } catch let error as StoreError {
                    throw error
                } catch let error as TextFileError {
                    refused.append(error.description)
                    switch error {
                    case .missing, .unreadable: break
                    default: allMissing = false
                    }
                } catch {
                    refused.append("\(file == "-" ? TextFile.standardInputName : file): \(error)")
                    allMissing = false
                }
            }
            if !refused.isEmpty { throw RoundTableError.refusedFiles(refused, missing: allMissing) }
        }

        /// What `rsvp` prints for an answer: "rt5: Sam Patel accepted", and what became of it when
        /// it changed nothing (`outcome` nil: a dry run).
        private static func line(for reply: Reply, outcome: ReplyOutcome?, schedule: Schedule, invitations: [InvitationRecord]) -> String {
            let who = schedule.member(reply.attendee)?.name ?? reply.attendee
            let answer = reply.answer.rawValue.lowercased()
            // An answer to a version since moved is kept (it is her latest word) but is not current.
            let invitation = invitations.first { $0.session == reply.session && $0.attendee == reply.attendee }
            let stale = invitation.flatMap { $0.outdates(reply) ? " (stale: it answers SEQUENCE \(reply.sequence); the invitation is now at \($0.sequence))" : nil } ?? ""
            switch outcome {
            case .recorded?: return "\(reply.session): \(who) \(answer)\(stale)"
            case .alreadyRecorded?: return "\(reply.session): \(who) \(answer) (already recorded: nothing changed)"
            case .superseded?: return "\(reply.session): \(who) \(answer) (ignored: a newer answer is recorded)"
            case nil: return "\(reply.session): \(who) \(answer)\(stale) (dry run: not recorded)"
            }
        }

        /// `--mailbox`: the new mail of the mailbox, under the run lock of every series -s names
        /// (taken in the schedules' order, so two runs never wait on each other in a circle).
        private func readMailbox(_ text: String) throws {
            let location = try MailboxLocation(text)
            let contexts = try options.loadAll()
            let locks = try contexts.map { try $0.store.lockRun(series: $0.schedule.series.id, timeout: 5) }
            defer { withExtendedLifetime(locks) {} }
            // Read under the lock: a run that waited sees the invitations the other one sent.
            let invitations = try contexts.map { try $0.store.invitations(series: $0.schedule.series.id) }
            let now = LocalDateTime(secondsSinceEpoch: options.clock.now())
            let rules = zip(contexts, invitations).map { ReplyRules(schedule: $0.schedule, invitations: $1, now: now) }
            let bySeries = Dictionary(uniqueKeysWithValues: zip(contexts, invitations).map { ($0.schedule.series.id, ($0.schedule, $1)) })
            let mailbox = location.mailbox(moveTo: moveTo, environment: options.environment.variables)
            let intake = MailboxIntake(mailbox: mailbox, rules: rules, dryRun: dryRun)
            let summary = try intake.run(ledger: contexts[0].store) { event in
                switch event {
                case .answer(let series, let reply, let outcome):
                    guard let (schedule, sent) = bySeries[series] else { return }
                    print((contexts.count > 1 ? series + ": " : "") + Self.line(for: reply, outcome: outcome, schedule: schedule, invitations: sent))
                case .refused(let item, let reason):
                    FileHandle.standardError.write(Data("roundtable: error: \(mailbox.name) message \(item): \(reason)\n".utf8))
                }
            }
            let replies = "\(summary.recorded) repl\(summary.recorded == 1 ? "y" : "ies") \(dryRun ? "to record (dry run)" : "recorded")"
            let others = "\(Plural.count(summary.other, "other message")) left alone"
            FileHandle.standardError.write(Data("rsvp: \(replies), \(summary.refused) refused, \(others)\n".utf8))
            // Each refusal is reported once, by the run that read it: exit 65 then, as for a refused file.
            if summary.refused > 0 { throw ExitCode(65) }
        }
    }
}
