import GRDB

/// The history of the state file's schema.
///
/// Each migration is plain SQL and frozen once released: state files written by it exist on
/// users' machines, so a change is always a new migration appended at the end, never an edit.
enum Migrations {
    /// Every migration this version knows, in order; a file listing others is from a newer version.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-completions-actions") { db in
            try db.execute(sql: """
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
                """)
        }
        migrator.registerMigration("v2-invitations-replies-ledger") { db in
            try db.execute(sql: """
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
                """)
        }
        migrator.registerMigration("v3-action-history") { db in
            try db.execute(sql: """
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
                """)
        }
        migrator.registerMigration("v4-attendance") { db in
            try db.execute(sql: """
                CREATE TABLE attendance (
                    series TEXT NOT NULL,
                    session TEXT NOT NULL,
                    member TEXT NOT NULL,
                    PRIMARY KEY (series, session, member)
                );
                """)
        }
        migrator.registerMigration("v5-published-resources") { db in
            try db.execute(sql: """
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
                """)
        }
        return migrator
    }

    /// Refuses, before anything is written, a file this version must not touch.
    ///
    /// A file with applied migrations we do not know was migrated by a newer roundtable. A file
    /// with tables but no migration record at all is some other program's database: adding our
    /// tables to it would modify a file that is not ours.
    static func refuseForeignOrNewer(_ db: Database, path: String) throws {
        if try migrator.hasBeenSuperseded(db) {
            throw StoreError.newerSchema(path: path)
        }
        let hasTables = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name NOT LIKE 'sqlite_%')") ?? false
        if try hasTables && !db.tableExists("grdb_migrations") {
            throw StoreError.notADatabase(path: path)
        }
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
