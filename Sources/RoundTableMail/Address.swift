/// A mailbox: a display name and an address, checked so neither can smuggle a header line in.
public struct Address: Hashable, Sendable {
    public let name: String
    public let email: String

    public init(name: String, email: String) throws(MailError) {
        guard !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw .headerInjection(field: "name of \(email.prefix(60))")
        }
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard !email.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw .headerInjection(field: "address")
        }
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), email.allSatisfy({ $0.isASCII }),
              !email.contains(where: { $0 == " " || "<>,;\"()[]\\".contains($0) }) else {
            throw .invalidAddress(email)
        }
        self.name = name
        self.email = email
    }

    /// `Name <address>` as a header carries it: the name quoted or RFC 2047-encoded as needed.
    var header: String {
        name.isEmpty ? email : "\(HeaderEncoding.phrase(name)) <\(email)>"
    }
}
