/// Why a message cannot be built. Values are never quoted whole: they may be long or personal.
public enum MailError: Error, Equatable, CustomStringConvertible {
    /// A CR, LF or other control character would have reached a header line.
    case headerInjection(field: String)
    case invalidAddress(String)
    case invalidMessageID(String)

    public var description: String {
        switch self {
        case .headerInjection(let field):
            return "The \(field) contains a line break or control character, which would break the mail header; fix it in the schedule."
        case .invalidAddress(let address):
            return "'\(address.prefix(60))' is not an email address (expected name@domain)."
        case .invalidMessageID(let id):
            return "'\(id.prefix(60))' cannot be a Message-ID."
        }
    }
}
