extension StateStore {
    /// A new link for `member` of `series`, replacing (and so revoking) any she had; the token,
    /// which the state does not keep.
    public func issueMemberLink(series: String, member: String) throws(StoreError) -> String {
        let token = MemberLink.newToken()
        let digest = try MemberLink.digest(of: token)
        try write { [recordedAt] db in
            try db.execute(sql: SQLInsert.statement(into: "member_links", columns: ["series", "member", "token_sha256", "created_at"],
                                                    onConflict: .replace(key: ["series", "member"])),
                           arguments: [series, member, digest, recordedAt])
        }
        return token
    }

    /// Whether `member` of `series` has a link.
    public func hasMemberLink(series: String, member: String) throws(StoreError) -> Bool {
        try read { db in
            try db.fetchOne(sql: "SELECT member FROM member_links WHERE series = ? AND member = ?", arguments: [series, member]) != nil
        }
    }

    /// The digest of each member's link in `series`, by member id.
    public func memberLinkDigests(series: String) throws(StoreError) -> [String: String] {
        try read { db in
            var digests: [String: String] = [:]
            for row in try db.fetchAll(sql: "SELECT member, token_sha256 FROM member_links WHERE series = ?", arguments: [series]) {
                guard case .text(let member) = row["member"], case .text(let digest) = row["token_sha256"] else {
                    throw StoreError.corrupt(table: "member_links", row: "\(row["member"])", problem: "a member or digest that is not text")
                }
                digests[member] = digest
            }
            return digests
        }
    }
}
