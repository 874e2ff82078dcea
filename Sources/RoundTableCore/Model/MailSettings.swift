/// The schedule's `mail:` section: how the series' mail is received.
public struct MailSettings: Hashable, Sendable {
    /// Addresses of calendar servers that relay members' replies (Nextcloud's
    /// `invitations-noreply@…`, Baïkal's and Xandikos' system sender): a reply `From:` one of
    /// them counts when its `Reply-To:` is the attendee. Lower case, as addresses are compared
    /// in any case.
    public let relays: Set<String>

    public init(relays: [String] = []) {
        self.relays = Set(relays.map { $0.lowercased() })
    }
}
