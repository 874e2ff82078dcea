import Foundation
import Testing
import TestSupport

/// Exit codes follow one table for every backend: another program's database 65, a user or
/// session that may not write 77, a bad URL parameter 64, a missing database 66, TLS required and
/// refused 69, a full outbox 74. Each against a real PostgreSQL server.
@Suite(.serialized) struct PostgresExitCodeTests {
    private let workspace: Workspace
    private var state: String { workspace.env["ROUNDTABLE_STATE"]! }
    private var database: String { String(state.split(separator: "/").last!) }

    init() throws {
        let folder = try temporaryDirectory()
        // Not made with init: some cases need a database holding none of our tables.
        workspace = try Workspace(["ROUNDTABLE_STATE": try StateKind.postgres.newState(in: folder)].merging(StateKind.environment) { _, new in new },
                                  initialised: false)
    }

    private func cluster() throws -> PostgresCluster { try PostgresCluster.shared() }

    @Test func aDatabaseThatDoesNotExistIsExit66() throws {
        let missing = state.replacingOccurrences(of: database, with: "no_such_database")
        let run = try workspace.rt(["status"], ["ROUNDTABLE_STATE": missing])
        #expect(run.status == 66, "\(run.stderr)")
        #expect(run.stderr.contains("There is no database at 'postgres://127.0.0.1:\(try cluster().port)/no_such_database'"), "\(run.stderr)")
    }

    @Test func anotherProgramsTableOfTheSameNameIsExit65AndLeftAsItWas() throws {
        try cluster().psql("CREATE TABLE actions (id INTEGER PRIMARY KEY, title TEXT); INSERT INTO actions VALUES (1, 'theirs')", database: database)
        let run = try workspace.rt(["init"])
        #expect(run.status == 65, "\(run.stderr)")
        #expect(run.stderr.contains("is not a roundtable state"), "\(run.stderr)")
        #expect(try cluster().psql("SELECT title FROM actions", database: database) == "theirs\n")
        #expect(try cluster().psql("SELECT to_regclass('completions') IS NULL", database: database) == "t\n", "none of our tables was added")
    }

    @Test func aReadOnlySessionIsExit77ForWritesAndStillReads() throws {
        #expect(try workspace.seed().status == 0)
        try cluster().psql("ALTER DATABASE \(database) SET default_transaction_read_only = on")
        let run = try workspace.rt(["advance", "rt4", "writeup", "--on", "2012-11-20", "--as-of", "2012-11-26"])
        #expect(run.status == 77, "\(run.stderr)")
        #expect(run.stderr.contains("does not let this user change the state"), "\(run.stderr)")
        #expect(try workspace.rt(["status", "--as-of", "2012-11-26"]).status == 0)
    }

    @Test func aUserWhoMayOnlyReadIsExit77ForWrites() throws {
        #expect(try workspace.seed().status == 0)
        let reader = "reader_\(UUID().uuidString.prefix(8).lowercased())"
        try cluster().psql("CREATE ROLE \(reader) LOGIN PASSWORD '\(PostgresCluster.password)'")
        try cluster().psql("GRANT SELECT ON ALL TABLES IN SCHEMA public TO \(reader)", database: database)
        let asReader = ["ROUNDTABLE_STATE": state.replacingOccurrences(of: "\(PostgresCluster.user)@", with: "\(reader)@")]
        #expect(try workspace.rt(["status", "--as-of", "2012-11-26"], asReader).status == 0)
        let run = try workspace.rt(["action", "add", "--session", "rt4", "--owner", "sam", "--text", "x", "--as-of", "2012-11-26"], asReader)
        #expect(run.status == 77, "\(run.stderr)")
        #expect(run.stderr.contains("does not let this user change the state"), "\(run.stderr)")
    }

    @Test(arguments: ["?sslmode=sometimes", "?no_such_option=1", "?port=http"])
    func aParameterLibpqRefusesIsExit64(query: String) throws {
        let run = try workspace.rt(["status"], ["ROUNDTABLE_STATE": state + query])
        #expect(run.status == 64, "\(run.stderr)")
        #expect(run.stderr.contains("cannot be used"), "\(run.stderr)")
        #expect(!run.stderr.contains(PostgresCluster.password))
    }

    /// A host name that is not this machine (reached here through `hostaddr`, so the test stays
    /// on loopback): TLS is required, the test server offers none, and the password is never sent.
    @Test func aServerThatIsNotHereMustOfferTLSOrGetsNothing() throws {
        let port = try cluster().port
        let remote = "postgres://\(PostgresCluster.user)@db.example.org:\(port)/\(database)?hostaddr=127.0.0.1"
        let run = try workspace.rt(["status"], ["ROUNDTABLE_STATE": remote])
        #expect(run.status == 69, "\(run.stderr)")
        #expect(run.stderr.contains("over TLS"), "\(run.stderr)")
        #expect(run.stderr.contains("server does not support SSL"), "\(run.stderr)")
        // Saying so in the URL is the way to do without it.
        let plain = try workspace.rt(["init"], ["ROUNDTABLE_STATE": remote + "&sslmode=disable"])
        #expect(plain.status == 0, "\(plain.stderr)")
        // A CA file asks for a verified certificate even on this machine.
        let ca = try workspace.rt(["status"], ["ROUNDTABLE_STATE_CA_FILE": workspace.folder.appendingPathComponent("ca.pem").path])
        #expect(ca.status == 69, "\(ca.stderr)")
    }

    /// A server with TLS whose certificate a private CA signed for db.example.org: the CA file
    /// makes the connection verify it (and the name), another CA or another name is exit 69.
    @Test func theCAFileNamesTheCATheServersCertificateMustComeFrom() throws {
        let folder = try temporaryDirectory()
        let script = """
            set -e
            openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 2 -subj /CN=Test-CA 2>/dev/null
            openssl req -x509 -newkey rsa:2048 -nodes -keyout other.key -out other.pem -days 2 -subj /CN=Other-CA 2>/dev/null
            openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj /CN=db.example.org 2>/dev/null
            printf 'subjectAltName=DNS:db.example.org' > san
            openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.crt -days 2 -extfile san 2>/dev/null
            chmod 600 server.key
            """
        let made = try peer("/bin/bash", ["-c", "cd '\(folder.path)' && " + script])
        try #require(made.status == 0, "\(made.stderr)")
        for file in ["server.key", "server.crt"] { try PostgresCluster.giveToServerUser(folder.appendingPathComponent(file).path) }
        let cluster = try PostgresCluster(settings: ["ssl=on", "ssl_cert_file=\(folder.path)/server.crt", "ssl_key_file=\(folder.path)/server.key"])
        defer { try? cluster.stop() }
        let database = String(try cluster.newDatabase().split(separator: "/").last!)
        let remote = "postgres://\(PostgresCluster.user)@db.example.org:\(cluster.port)/\(database)?hostaddr=127.0.0.1"
        let ca = { (name: String) in ["ROUNDTABLE_STATE": remote, "ROUNDTABLE_STATE_CA_FILE": folder.appendingPathComponent(name).path] }
        let trusted = try workspace.rt(["init"], ca("ca.pem"))
        #expect(trusted.status == 0, "\(trusted.stderr)")
        let stranger = try workspace.rt(["status"], ca("other.pem"))
        #expect(stranger.status == 69, "\(stranger.stderr)")
        #expect(stranger.stderr.contains("certificate"), "\(stranger.stderr)")
        var byAddress = ca("ca.pem")
        byAddress["ROUNDTABLE_STATE"] = "postgres://\(PostgresCluster.user)@127.0.0.1:\(cluster.port)/\(database)"
        let wrongName = try workspace.rt(["status"], byAddress)
        #expect(wrongName.status == 69, "the certificate is for db.example.org, not 127.0.0.1: \(wrongName.stderr)")
    }

    /// The outbox's disk fills (a file size limit stands in for it): 74, as for a full state,
    /// not 69, and nothing is recorded as sent.
    @Test func aFullOutboxIsExit74() throws {
        #expect(try workspace.seed().status == 0)
        let outbox = workspace.folder.appendingPathComponent("outbox").path
        let run = try roundtable(["remind", "--as-of", "2012-11-26", "--outbox", outbox], environment: workspace.env,
                                 wrapper: ["/usr/bin/prlimit", "--fsize=1024"])
        #expect(run.status == 74, "\(run.stderr)")
        #expect(run.stderr.contains("File too large") || run.stderr.contains("No space"), "\(run.stderr)")
        #expect(try StateKind.ledger(state).isEmpty, "nothing recorded as sent")
        let again = try workspace.rt(["remind", "--as-of", "2012-11-26", "--outbox", outbox])
        #expect(again.status == 0, "with room again, it sends: \(again.stderr)")
    }
}
