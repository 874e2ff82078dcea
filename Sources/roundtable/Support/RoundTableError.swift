import CalendarTime
import ICalendar
import RoundTableCalDAV
import RoundTableCore
import RoundTableDocuments
import RoundTableMail
import RoundTableStore

/// Every failure the commands report, with the exit code the contract gives it.
enum RoundTableError: Error {
    /// A file that should be there is not, or cannot be opened.
    case inputMissing(String)
    /// A file was read but its content is wrong; each diagnostic is located.
    case badData([Diagnostic])
    /// A value given on the command line or in a record is wrong.
    case invalid(String)
    /// The command cannot run as it was called (an environment variable that cannot be used).
    case usage(String)
    /// An output file could not be opened or put in place (73).
    case cannotWrite(path: String, reason: String)
    /// An output (`what`, such as "the dump") was opened but not all of it reached `path` or
    /// standard output: a full disk, an I/O error (74).
    case incomplete(what: String, path: String, reason: String)
    /// No schedule was named and none could be found.
    case noSchedule(String)
    /// A program the command needs is not installed (`roundtable-serve` for `serve`) (69).
    case programMissing(String)
    /// Some of several input files could not be used; the others were.
    /// `missing`: every one of them is missing or unreadable, which the contract calls input
    /// missing (66) rather than bad data (65).
    case refusedFiles([String], missing: Bool = false)
    /// A record was refused by the workflow rules; nothing was written.
    case workflow(WorkflowError)
    /// The state file could not be used.
    case store(StoreError)
    /// A message could not be handed over.
    case delivery(DeliveryError)
    /// A message could not be built from the data (a header value with a line break, say).
    case mail(MailError)
    /// A file handed to us could not be read as text: missing, unreadable, too large, not UTF-8.
    case file(TextFileError)
    /// A template cannot be used: not Mustache, or a bad partial.
    case template(TemplateError)
    /// A calendar could not be read or built.
    case calendar(ICalendarError)
    /// A reply could not be believed or used.
    case reply(ReplyError)
    /// The calendar could not be published, or not all of it.
    case caldav(CalDAVError)
    /// A mailbox (`rsvp --mailbox`) could not be read.
    case mailbox(MailboxError)

    /// Our own errors and those of the core and the store; nil for ArgumentParser's (usage, help).
    init?(_ error: any Error) {
        switch error {
        case let own as RoundTableError: self = own
        case let workflow as WorkflowError: self = .workflow(workflow)
        case let store as StoreError: self = .store(store)
        case let delivery as DeliveryError: self = .delivery(delivery)
        case let mail as MailError: self = .mail(mail)
        case let file as TextFileError: self = .file(file)
        case let template as TemplateError: self = .template(template)
        case let calendar as ICalendarError: self = .calendar(calendar)
        case let zone as UnknownTimeZone: self = .invalid(zone.description)
        case let reply as ReplyError: self = .reply(reply)
        case let caldav as CalDAVError: self = .caldav(caldav)
        case let mailbox as MailboxError: self = .mailbox(mailbox)
        default: return nil
        }
    }

    /// sysexits.h codes, as DESIGN.md's command contract lists them.
    var exitCode: Int32 {
        switch self {
        case .inputMissing, .noSchedule: return 66
        case .refusedFiles(_, let missing): return missing ? 66 : 65
        case .usage: return 64
        case .programMissing: return 69
        case .badData, .invalid, .workflow, .calendar, .reply: return 65
        case .template: return 65
        case .cannotWrite: return 73
        case .incomplete: return 74
        case .mail: return 65
        case .file(let error):
            switch error {
            case .missing, .unreadable: return 66
            case .tooLarge, .notUTF8, .outsideFolder: return 65
            }
        case .delivery(let error):
            switch error {
            case .temporary: return 75
            case .misconfigured: return 69
            case .notPermitted: return 77
            case .rejected, .refused: return 65
            case .cannotWrite: return 74
            }
        case .caldav(let error):
            switch error {
            case .temporary, .inDoubt: return 75
            case .misconfigured: return 69
            case .notPermitted: return 77
            case .notPublished: return 65
            }
        case .mailbox(let error):
            switch error {
            case .unavailable: return 69
            case .temporary: return 75
            case .loginRefused: return 77
            case .missing: return 66
            case .badURL: return 64
            }
        case .store(let error):
            switch error {
            case .missing, .seriesNotSetUp: return 66
            case .notADatabase, .newerSchema, .corrupt, .unknownAction, .conflict: return 65
            case .cannotOpen: return 73
            case .locked, .unavailable: return 75
            case .notPermitted, .readOnly: return 77
            case .clientMissing, .tlsRefused: return 69
            case .badParameter: return 64
            case .missingDatabase: return 66
            case .failed, .cannotWrite: return 74
            }
        }
    }

    /// What goes to standard error: one line per problem.
    var report: String {
        switch self {
        case .badData(let diagnostics): return diagnostics.map { "\($0)\n" }.joined()
        case .refusedFiles(let lines, _), .caldav(.notPublished(let lines)): return lines.map { "roundtable: error: \($0)\n" }.joined()
        case .delivery(.refused(let lines)): return lines.map { "roundtable: error: refused by the mail server: \($0)\n" }.joined()
        default: return "roundtable: error: \(self)\n"
        }
    }
}

extension RoundTableError: CustomStringConvertible {
    /// The message alone, for when it is quoted inside another (a file `rsvp` refused, say).
    var description: String {
        switch self {
        case .inputMissing(let message), .invalid(let message), .usage(let message), .noSchedule(let message),
             .programMissing(let message): return message
        case .refusedFiles(let lines, _): return lines.joined(separator: "; ")
        case .badData(let diagnostics): return diagnostics.map(\.description).joined(separator: "; ")
        case .workflow(let error): return error.description
        case .store(let error): return error.description
        case .delivery(let error): return error.description
        case .mail(let error): return error.description
        case .file(let error): return error.description
        case .template(let error): return error.description
        case .calendar(let error): return error.description
        case .reply(let error): return error.description
        case .caldav(let error): return error.description
        case .mailbox(let error): return error.description
        case .cannotWrite(let path, let reason): return "cannot write '\(path)': \(reason)"
        case .incomplete(let what, let path, let reason):
            let target = path == StandardOutput.name ? path : "'\(path)'"
            return "\(what) was not written completely to \(target): \(reason)."
        }
    }
}
