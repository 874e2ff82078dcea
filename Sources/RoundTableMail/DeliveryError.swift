/// Why a message was not handed over, sorted by what the run should do about it.
///
/// The texts never hold a password, and show server URLs without their user part.
public enum DeliveryError: Error, Equatable, CustomStringConvertible {
    /// Try again later (no connection, a 4xx answer, a timeout, sendmail failing): exit 75, and
    /// the next run sends what this one could not.
    case temporary(String)
    /// This recipient is refused for good (a 5xx answer); the run reports it and goes on with
    /// the others. `recipient` lists the refused addresses, comma-separated, when there are several.
    case rejected(recipient: String, String)
    /// The transport cannot work as set up (bad URL, missing sendmail, unwritable outbox, a
    /// server that will not start TLS for a login, a certificate that is not trusted): exit 69,
    /// as retrying will not help until someone changes the setup.
    case misconfigured(String)
    /// The message could not be written where it goes (the outbox's disk is full, a file size
    /// limit, an I/O error): exit 74, as for a full state; nothing was recorded as sent.
    case cannotWrite(String)
    /// The server refused our credentials: exit 77, "not permitted" in DESIGN.md's contract,
    /// so cron's mail says the password is wrong rather than that the server is down.
    case notPermitted(String)
    /// At the end of a run: these recipients ("address: reason") were refused for good, the
    /// others were sent; exit 65, so cron's mail names them.
    case refused([String])

    /// User-facing text in the project's error voice.
    public var description: String {
        switch self {
        case .temporary(let why): return "Mail could not be delivered now: \(why). The next run will try again."
        case .rejected(let recipient, let why): return "The mail server refused '\(recipient)': \(why)."
        case .misconfigured(let why): return "Mail is not set up correctly: \(why)."
        case .notPermitted(let why): return "Mail is not permitted: \(why)."
        case .cannotWrite(let why): return "The message could not be written: \(why). It is not recorded as sent; make room and run again."
        case .refused(let lines): return lines.map { "refused by the mail server: \($0)" }.joined(separator: "\n")
        }
    }
}
