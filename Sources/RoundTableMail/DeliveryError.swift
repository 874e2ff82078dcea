/// Why a message was not handed over, sorted by what the run should do about it.
public enum DeliveryError: Error, Equatable, CustomStringConvertible {
    /// Try again later (no connection, 4xx, timeout): exit 75, the next run sends it.
    case temporary(String)
    /// This recipient is refused for good (5xx); the others still go.
    case rejected(recipient: String, String)
    /// The transport cannot work as set up (bad URL, missing program, login refused): exit 69.
    case misconfigured(String)

    public var description: String {
        switch self {
        case .temporary(let why): return "Mail could not be delivered now (\(why)); the next run will try again."
        case .rejected(let recipient, let why): return "The mail server refused \(recipient): \(why)"
        case .misconfigured(let why): return "Mail is not set up correctly: \(why)"
        }
    }
}
