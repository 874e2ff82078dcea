/// Why a publish did not finish, sorted by what the run should do about it (and its exit code).
///
/// The texts never hold a password, and show URLs as `ServerURL` shows them.
public enum CalDAVError: Error, Equatable, CustomStringConvertible {
    /// Try again later (no connection, a timeout, a 5xx answer): exit 75. What was done before
    /// is recorded; the request in flight is marked in doubt and made again by the next run.
    case temporary(String)
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
        case .notPermitted(let why): return "Publishing is not permitted: \(why)."
        case .misconfigured(let why): return "Publishing is not set up correctly: \(why)."
        case .notPublished(let lines): return lines.joined(separator: "; ")
        }
    }
}
