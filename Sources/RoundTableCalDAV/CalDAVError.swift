/// Why a publish did not finish, sorted by what the run should do about it (and its exit code).
///
/// The texts never hold a password, and show URLs as `ServerURL` shows them.
public enum CalDAVError: Error, Equatable, CustomStringConvertible {
    /// Try again later (no connection; 429 or 503, with the server's Retry-After): exit 75.
    /// The request was not acted on; what was done before it is recorded.
    case temporary(String)
    /// The request went out and its outcome is unknown (no answer, a timeout, an answer that
    /// cannot be read, another 5xx): exit 75. A put stays in doubt in the state, and the next
    /// run asks the server what it holds before anything else.
    case inDoubt(String)
    /// The server refused our credentials or our access (401, 403): exit 77.
    case notPermitted(String)
    /// Publishing cannot work as set up (a URL that cannot be used, a collection that does not
    /// exist, credentials that would go in clear): exit 69, until someone changes the setup.
    case misconfigured(String)
    /// Some resources were left as they are (changed on the server since we put them, or
    /// refused); the others were published: exit 65. One line each.
    case notPublished([String])

    /// User-facing text in the project's error voice.
    public var description: String {
        switch self {
        case .temporary(let why): return "The calendar could not be published now: \(why). The next run will try again."
        case .inDoubt(let why):
            return "The calendar could not be published now: \(why). The next run will check what the server holds and finish."
        case .notPermitted(let why): return "Publishing is not permitted: \(why)."
        case .misconfigured(let why): return "Publishing is not set up correctly: \(why)."
        case .notPublished(let lines): return lines.joined(separator: "; ")
        }
    }
}
