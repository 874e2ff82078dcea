/// Where SQLite and PostgreSQL read the store's SQL differently, in one place.
///
/// The migrations are written once, in the SQLite text released state files were made with
/// (frozen, see `Migrations`); PostgreSQL reads a translation of them. Statements use `?`,
/// which PostgreSQL spells `$1`, `$2`….
enum SQLDialect {
    case sqlite, postgres

    /// A migration's SQL for this backend. For PostgreSQL:
    /// - every table gets a `rowid` identity column, as SQLite tables have one, so `Rows` names
    ///   the row of a corrupt value the same way on both;
    /// - TEXT compares bytewise (`COLLATE "C"`, SQLite's BINARY), so `ORDER BY` and hence `dump`
    ///   are byte for byte the same whatever the database's locale;
    /// - the date CHECK's GLOB becomes a regular expression, `strftime` becomes `to_char`.
    func schema(_ sql: String) -> String {
        switch self {
        case .sqlite:
            return sql
        case .postgres:
            return sql
                .replacing(#/CREATE TABLE (\w+) \(/#) { "CREATE TABLE \($0.output.1) (\n    rowid BIGINT GENERATED ALWAYS AS IDENTITY," }
                .replacing(#/\bTEXT\b/#) { _ in #"TEXT COLLATE "C""# }
                .replacing("GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'", with: "~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'")
                .replacing("strftime('%Y-%m-%dT%H:%M:%SZ', 'now')",
                           with: #"to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')"#)
        }
    }

    /// A statement with this backend's placeholders: PostgreSQL numbers them. A `?` inside a
    /// quoted literal or identifier is left alone.
    func statement(_ sql: String) -> String {
        guard self == .postgres, sql.contains("?") else { return sql }
        var result = ""
        var number = 0
        var quote: Character?
        for character in sql {
            if let open = quote {
                if character == open { quote = nil }
                result.append(character)
            } else if character == "'" || character == "\"" {
                quote = character
                result.append(character)
            } else if character == "?" {
                number += 1
                result += "$\(number)"
            } else {
                result.append(character)
            }
        }
        return result
    }
}
