import GRDB

/// The history of the state's schema, on both backends.
///
/// Each migration is plain SQL and frozen once released: state files written by it exist on
/// users' machines, so a change is always a new migration appended at the end, never an edit.
enum Migrations {
    /// Every migration this version knows, in order, as SQLite reads it (`SQLDialect.schema`
    /// translates it for PostgreSQL); a state listing others is from a newer version.
    static let steps: [(identifier: String, sql: String)] = [
        ("v1-completions-actions", """
            CREATE TABLE completions (
                series TEXT NOT NULL,
                session TEXT NOT NULL,
                stage TEXT NOT NULL CHECK (stage IN ('plan', 'hold', 'writeup', 'disseminate')),
                done_on TEXT NOT NULL CHECK (done_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
                recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
                PRIMARY KEY (series, session, stage)
            );
            CREATE TABLE actions (
                series TEXT NOT NULL,
                number INTEGER NOT NULL CHECK (number > 0),
                session TEXT NOT NULL,
                owner TEXT NOT NULL,
                text TEXT NOT NULL,
                due TEXT NOT NULL CHECK (due GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
                done_on TEXT CHECK (done_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
                PRIMARY KEY (series, number)
            );
            """),
        ("v2-invitations-replies-ledger", """
            CREATE TABLE invitations (
                series TEXT NOT NULL,
                session TEXT NOT NULL,
                attendee TEXT NOT NULL,
                sequence INTEGER NOT NULL CHECK (sequence >= 0),
                fingerprint TEXT NOT NULL,
                content TEXT NOT NULL,
                cancelled INTEGER NOT NULL CHECK (cancelled IN (0, 1)),
                message_id TEXT NOT NULL,
                sent_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
                PRIMARY KEY (series, session, attendee)
            );
            CREATE TABLE replies (
                series TEXT NOT NULL,
                session TEXT NOT NULL,
                attendee TEXT NOT NULL,
                answer TEXT NOT NULL,
                sequence INTEGER NOT NULL,
                stamp TEXT NOT NULL,
                PRIMARY KEY (series, session, attendee)
            );
            CREATE TABLE ledger (
                series TEXT NOT NULL,
                item TEXT NOT NULL,
                recipient TEXT NOT NULL,
                trigger TEXT NOT NULL CHECK (trigger GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
                message_id TEXT NOT NULL,
                sent_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
                PRIMARY KEY (series, item, recipient, trigger)
            );
            """),
        ("v3-action-history", """
            ALTER TABLE actions ADD COLUMN due_follows INTEGER NOT NULL DEFAULT 0 CHECK (due_follows IN (0, 1));
            ALTER TABLE actions ADD COLUMN dropped_on TEXT CHECK (dropped_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');
            ALTER TABLE actions ADD COLUMN dropped_reason TEXT;
            CREATE TABLE action_changes (
                series TEXT NOT NULL,
                number INTEGER NOT NULL,
                seq INTEGER NOT NULL CHECK (seq > 0),
                on_day TEXT NOT NULL CHECK (on_day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
                field TEXT NOT NULL CHECK (field IN ('text', 'owner', 'due')),
                before TEXT NOT NULL,
                after TEXT NOT NULL,
                PRIMARY KEY (series, number, seq)
            );
            """),
        ("v4-attendance", """
            CREATE TABLE attendance (
                series TEXT NOT NULL,
                session TEXT NOT NULL,
                member TEXT NOT NULL,
                PRIMARY KEY (series, session, member)
            );
            """),
        ("v5-published-resources", """
            CREATE TABLE published_resources (
                series TEXT NOT NULL,
                collection TEXT NOT NULL,
                uid TEXT NOT NULL,
                href TEXT NOT NULL,
                etag TEXT,
                fingerprint TEXT NOT NULL,
                in_doubt INTEGER NOT NULL CHECK (in_doubt IN (0, 1)),
                published_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
                PRIMARY KEY (series, collection, uid)
            );
            """),
        // A series is set up on purpose (`init`, `import`); a state written before this had no
        // such step, so every series it holds a row of counts as set up.
        ("v6-series-setup", """
            CREATE TABLE series_setup (
                series TEXT NOT NULL PRIMARY KEY,
                set_up_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
            );
            INSERT INTO series_setup (series)
                SELECT series FROM completions UNION SELECT series FROM actions UNION SELECT series FROM action_changes
                UNION SELECT series FROM invitations UNION SELECT series FROM replies UNION SELECT series FROM ledger
                UNION SELECT series FROM attendance UNION SELECT series FROM published_resources;
            """),
        // Every record carries the instant it was recorded, so `--as-of` can show the series as
        // it stood. Rows from before take the best date known: an action its first change, done
        // or drop; a change its day; attendance its hold's recording; a reply its DTSTAMP.
        ("v7-recorded-instants", """
            ALTER TABLE actions ADD COLUMN recorded_at TEXT;
            ALTER TABLE action_changes ADD COLUMN recorded_at TEXT;
            ALTER TABLE attendance ADD COLUMN recorded_at TEXT;
            ALTER TABLE replies ADD COLUMN recorded_at TEXT;
            UPDATE actions SET recorded_at = (
                SELECT MIN(day) FROM (
                    SELECT actions.done_on AS day
                    UNION ALL SELECT actions.dropped_on
                    UNION ALL SELECT c.on_day FROM action_changes c WHERE c.series = actions.series AND c.number = actions.number
                ) AS known
            ) || 'T00:00:00Z';
            UPDATE action_changes SET recorded_at = on_day || 'T00:00:00Z';
            UPDATE attendance SET recorded_at = (
                SELECT c.recorded_at FROM completions c WHERE c.series = attendance.series AND c.session = attendance.session AND c.stage = 'hold'
            );
            UPDATE replies SET recorded_at = stamp || 'Z';
            """),
        ("v8-mailbox-seen", """
            CREATE TABLE mailbox_seen (
                mailbox TEXT NOT NULL,
                validity INTEGER NOT NULL,
                item TEXT NOT NULL,
                uid INTEGER NOT NULL CHECK (uid >= 0),
                outcome TEXT NOT NULL CHECK (outcome IN ('recorded', 'refused', 'other')),
                note TEXT NOT NULL,
                marked INTEGER NOT NULL CHECK (marked IN (0, 1)),
                read_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
                PRIMARY KEY (mailbox, validity, item)
            );
            """),
        // A refused reply is reported once in its series' organiser's digest: the series, what
        // names the message to a person, and whether a digest has reported it.
        ("v9-mailbox-reported", """
            ALTER TABLE mailbox_seen ADD COLUMN series TEXT NOT NULL DEFAULT '';
            ALTER TABLE mailbox_seen ADD COLUMN sender TEXT NOT NULL DEFAULT '';
            ALTER TABLE mailbox_seen ADD COLUMN subject TEXT NOT NULL DEFAULT '';
            ALTER TABLE mailbox_seen ADD COLUMN dated TEXT NOT NULL DEFAULT '';
            ALTER TABLE mailbox_seen ADD COLUMN reported INTEGER NOT NULL DEFAULT 0 CHECK (reported IN (0, 1));
            """),
        // Regrets in advance (`roundtable away`): one row per member and first day away.
        ("v10-away", """
            CREATE TABLE away (
                series TEXT NOT NULL,
                member TEXT NOT NULL,
                from_day TEXT NOT NULL CHECK (from_day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
                to_day TEXT NOT NULL CHECK (to_day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND to_day >= from_day),
                reason TEXT,
                recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
                PRIMARY KEY (series, member, from_day)
            );
            """),
        ("v11-answer-notes", """
            ALTER TABLE replies ADD COLUMN note TEXT NOT NULL DEFAULT '';
            """),
        // A member's secret link to her page (`member link`), kept only as the SHA-256 of its
        // token: whoever reads the state cannot use a link. One per member; rotating replaces it.
        // And the last answer each member gave on her page: the reply recorded with the same
        // SEQUENCE and DTSTAMP came from the web (`status SESSION` says so).
        ("v12-member-links", """
            CREATE TABLE member_links (
                series TEXT NOT NULL,
                member TEXT NOT NULL,
                token_sha256 TEXT NOT NULL CHECK (length(token_sha256) = 64),
                created_at TEXT NOT NULL,
                PRIMARY KEY (series, member)
            );
            CREATE TABLE web_replies (
                series TEXT NOT NULL,
                session TEXT NOT NULL,
                attendee TEXT NOT NULL,
                sequence INTEGER NOT NULL,
                stamp TEXT NOT NULL,
                PRIMARY KEY (series, session, attendee)
            );
            """),
    ]

    /// The SQLite migrations, recorded in GRDB's `grdb_migrations` table.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for step in steps {
            migrator.registerMigration(step.identifier) { db in try db.execute(sql: step.sql) }
        }
        return migrator
    }

    /// Whether a SQLite state lacks migrations this version knows; refuses, before anything is
    /// written, a file this version must not touch.
    ///
    /// A file with applied migrations we do not know was migrated by a newer roundtable. A file
    /// with tables but no migration record at all is some other program's database: adding our
    /// tables to it would modify a file that is not ours.
    ///
    /// A file that holds nothing at all (SQLite's new database) is a state never made: refused as
    /// `.missing` unless `opening` is `.create`.
    ///
    /// Two plain queries (what the file holds, then which migrations it records) answer all three
    /// questions. GRDB's `tableExists` and migrator, which this replaces, read the whole schema and
    /// the migrations table twice: 2.7 M instructions on every run of every command, 6% of a cron
    /// `overdue` (docs/performance.md, remind, second pass).
    static func needsMigrating(_ db: Database, path: String, ifMissing opening: StateStore.MissingState) throws -> Bool {
        let objects = try String.fetchAll(db, sql: """
            SELECT CASE WHEN type = 'table' AND lower(name) = 'grdb_migrations' THEN 'migrations' ELSE 'other' END
            FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'
            """)
        guard objects.contains("migrations") else {
            if !objects.isEmpty { throw StoreError.notADatabase(path: path) }
            if opening == .refuse { throw StoreError.missing(path: path) }
            return true
        }
        let applied = Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
        try refuseNewer(applied, path: path)
        return !applied.isSuperset(of: steps.map(\.identifier))
    }

    /// Applies the migrations this file lacks, tolerating another process doing the same.
    ///
    /// `DatabaseMigrator` reads the applied list before taking the write lock, so when two
    /// processes open a new file at once the slower one re-runs a migration the other has just
    /// committed, and fails. While the failure comes with progress made by someone, try again:
    /// the next attempt sees that migration applied. A failure without progress is real.
    static func migrate(_ database: DatabaseQueue) throws {
        while true {
            let before = try database.read { try migrator.appliedIdentifiers($0) }
            do {
                try migrator.migrate(database)
                return
            } catch {
                let after = try database.read { try migrator.appliedIdentifiers($0) }
                guard after.count > before.count else { throw error }
            }
        }
    }
}

extension Migrations {
    /// Where a PostgreSQL state records its applied migrations, by the same identifiers.
    private static let postgresTable = "roundtable_migrations"
    /// The transaction-level advisory lock that makes two processes opening a new database at
    /// once migrate it one after the other (a constant: "roundtab" in ASCII).
    private static let migrationLock: Int64 = 0x726f_756e_6474_6162

    /// Applies the migrations a PostgreSQL state lacks, in one transaction; refuses a state a
    /// newer roundtable migrated (`.newerSchema`, exit 65) before writing anything. An up-to-date
    /// state is only read. A database without our migrations table was never made a state (the
    /// DBA creates the database, `init` the state): `.missing` unless `opening` is `.create`.
    static func migrate(_ session: PostgresSession, path: String, ifMissing opening: StateStore.MissingState) throws {
        let known = steps.map(\.identifier)
        let applied = try session.transaction(readOnly: true) { try appliedIdentifiers($0) }
        if applied.isEmpty && opening == .refuse { throw StoreError.missing(path: path) }
        try refuseNewer(applied, path: path)
        guard applied != known else { return }
        try session.transaction(readOnly: false) { connection in
            try connection.execute(sql: "SELECT pg_advisory_xact_lock(?)", arguments: [migrationLock])
            try connection.execute(sql: "CREATE TABLE IF NOT EXISTS \(postgresTable) (identifier TEXT PRIMARY KEY)")
            let applied = try appliedIdentifiers(connection)
            try refuseNewer(applied, path: path)
            for step in steps where !applied.contains(step.identifier) {
                // One statement at a time: libpq's parameterised calls take no more.
                for statement in SQLDialect.postgres.schema(step.sql).split(separator: ";") where !statement.allSatisfy(\.isWhitespace) {
                    try connection.execute(sql: String(statement))
                }
                try connection.execute(sql: "INSERT INTO \(postgresTable) (identifier) VALUES (?)", arguments: [step.identifier])
            }
        }
    }

    private static func appliedIdentifiers(_ connection: any SQLConnection) throws -> [String] {
        let exists = try connection.fetchOne(sql: "SELECT to_regclass(?) IS NOT NULL AS present", arguments: [postgresTable])
        guard exists?["present"] == .integer(1) else { return [] }
        let rows = try connection.fetchAll(sql: "SELECT identifier FROM \(postgresTable)", arguments: [])
        let identifiers = Set(rows.compactMap { String(sqlValue: $0["identifier"]) })
        return steps.map(\.identifier).filter(identifiers.contains) + identifiers.subtracting(steps.map(\.identifier)).sorted()
    }

    /// Refuses a state with a migration this version does not know: a newer roundtable's (either backend).
    private static func refuseNewer(_ applied: some Sequence<String>, path: String) throws {
        if !Set(applied).isSubset(of: steps.map(\.identifier)) {
            throw StoreError.newerSchema(path: path)
        }
    }
}
