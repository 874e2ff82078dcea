/// Why a mailbox could not be read, sorted by what cron should do about it (as `DeliveryError`
/// for sending). The texts never hold a password.
public enum MailboxError: Error, Equatable, CustomStringConvertible {
    /// The server cannot be reached (no such host, connection refused), or does not work as set
    /// up (TLS it will not start, an untrusted certificate, a folder that does not exist): exit 69.
    case unavailable(String)
    /// The connection was lost, timed out or the server said to try later: exit 75, and the
    /// next run finishes the work.
    case temporary(String)
    /// The server refused the login: exit 77.
    case loginRefused(String)
    /// A Maildir that is not there or cannot be read: exit 66.
    case missing(String)
    /// A `--mailbox` value that is not a mailbox roundtable reads: exit 64.
    case badURL(String)

    public var description: String {
        switch self {
        case .unavailable(let why): return "The mailbox cannot be read: \(why)."
        case .temporary(let why): return "The mailbox cannot be read now: \(why). The next run will try again."
        case .loginRefused(let why): return "The mailbox refused the login: \(why)."
        case .missing(let why), .badURL(let why): return why
        }
    }
}
