import Foundation
import Testing
import TestSupport

/// `publish --members --create` on fresh calendar servers other than Radicale, each started on a
/// free loopback port: Xandikos over https (a self-signed certificate named by
/// ROUNDTABLE_CALDAV_CA_FILE, Basic login) and SabreDAV under `php -S` (Digest login, its
/// default). On each a wrong password exits 77.
@Suite struct CalDAVServersTests {
    private let workspace: Workspace
    private static let members = ["coord", "sam", "zoe"]

    init() throws {
        workspace = try Workspace(["ROUNDTABLE_NOW": "2012-11-26T09:00:00Z"])
        #expect(try workspace.seed().status == 0)
    }

    /// How many components `export --member` holds: one resource each.
    private func exportedComponents(of member: String) throws -> Int {
        try workspace.rt(["export", "--member", member]).stdout.components(separatedBy: "\r\nUID:").count - 1
    }

    /// The resource names a PROPFIND (depth 1) of `collection` lists, with `login` and `options` for curl.
    private func listed(_ collection: String, _ options: [String]) throws -> [String] {
        let run = try peer("/usr/bin/curl", ["-s", "-X", "PROPFIND", "-H", "Depth: 1"] + options + [collection])
        return run.stdout.components(separatedBy: "href>").filter { $0.contains(".ics</") }
    }

    @Test func xandikosOverHTTPSWithItsOwnCertificate() throws {
        let server = try Xandikos()
        let base = "https://localhost:\(server.port)/coord/members/"
        let login = ["ROUNDTABLE_CALDAV_USER": "coord", "ROUNDTABLE_CALDAV_PASSWORD": server.password]
        let trusted = login.merging(["ROUNDTABLE_CALDAV_CA_FILE": server.certificate]) { $1 }

        let untrusted = try workspace.rt(["publish", "--caldav", base, "--members", "--create"], login)
        #expect(untrusted.status == 69, "\(untrusted.stderr)")
        #expect(untrusted.stderr.contains("is not trusted"), "\(untrusted.stderr)")
        #expect(untrusted.stderr.contains("name its certificate in ROUNDTABLE_CALDAV_CA_FILE"))

        let wrong = try workspace.rt(["publish", "--caldav", base, "--members", "--create"],
                                     trusted.merging(["ROUNDTABLE_CALDAV_PASSWORD": "wrong-secret-7"]) { $1 })
        #expect(wrong.status == 77, "\(wrong.stderr)")
        #expect(!(wrong.stdout + wrong.stderr).contains("wrong-secret-7"))

        let run = try workspace.rt(["publish", "--caldav", base, "--members", "--create"], trusted)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("created the collection \(base)\ncreated the calendar \(base)coord/\n"), "\(run.stdout)")
        for member in Self.members {
            let names = try listed(base + member + "/", ["--cacert", server.certificate, "-u", "coord:\(server.password)"])
            #expect(names.count == (try exportedComponents(of: member)), "\(member)")
        }
        let again = try workspace.rt(["publish", "--caldav", base, "--members", "--create"], trusted)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(!again.stdout.contains("created "), "\(again.stdout)")
    }

    @Test func sabreDAVWithDigestLogin() throws {
        let server = try SabreDAV()
        let base = "http://127.0.0.1:\(server.port)/calendars/coord/"
        let login = ["ROUNDTABLE_CALDAV_USER": "coord", "ROUNDTABLE_CALDAV_PASSWORD": server.password]

        let wrong = try workspace.rt(["publish", "--caldav", base, "--members", "--create"],
                                     login.merging(["ROUNDTABLE_CALDAV_PASSWORD": "wrong-secret-7"]) { $1 })
        #expect(wrong.status == 77, "\(wrong.stderr)")
        #expect(wrong.stderr.contains("refused the login (401)"))

        let run = try workspace.rt(["publish", "--caldav", base, "--members", "--create"], login)
        #expect(run.status == 0, "\(run.stderr)")
        for member in Self.members {
            #expect(run.stdout.contains("created the calendar \(base)\(member)/\n"))
            let names = try listed(base + member + "/", ["--digest", "-u", "coord:\(server.password)"])
            #expect(names.count == (try exportedComponents(of: member)), "\(member)")
        }
        let moved = try scheduleCopy(replacing: [("start: 2012-12-06T10:30:00", "start: 2012-12-13T14:00:00")])
        let again = try workspace.rt(["publish", "--caldav", base, "--members"], login.merging(["ROUNDTABLE_SCHEDULE": moved]) { $1 })
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("updated rt5.ajc-plg-2012@ajc.example.org\n"), "updated with If-Match, under Digest")
        #expect(!again.stdout.contains("created "))
    }
}

/// Xandikos (PyPI, installed by `make deps` into .build-xandikos) serving https on localhost with
/// a certificate it makes itself, one user in an htpasswd file.
private final class Xandikos {
    let password = "xandikos-secret-42"
    let folder: URL
    let server: LocalServer
    var port: Int { server.port }
    /// The server's self-signed certificate, to be trusted through ROUNDTABLE_CALDAV_CA_FILE.
    var certificate: String { folder.appendingPathComponent("state/certs/selfsigned.crt").path }

    init() throws {
        folder = try temporaryDirectory()
        let digest = try peer("/bin/sh", ["-c", "printf %s \"$1\" | openssl sha1 -binary | base64", "sh", password]).stdout
        try "coord:{SHA}\(digest)".write(to: folder.appendingPathComponent("users"), atomically: true, encoding: .utf8)
        let port = try unusedPort()
        server = try LocalServer("/usr/bin/python3", [
            "-m", "xandikos", "serve", "-d", folder.appendingPathComponent("data").path, "--state-dir", folder.appendingPathComponent("state").path,
            "--autocert", "--htpasswd", folder.appendingPathComponent("users").path, "-l", "localhost", "-p", "\(port)",
            "--current-user-principal", "/coord/", "--autocreate", "--no-detect-systemd",
        ], port: port, log: folder.appendingPathComponent("log"),
           environment: ["PYTHONPATH": repositoryRoot.appendingPathComponent(".build-xandikos").path], wait: 60)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }
}

/// SabreDAV (Debian's php-sabre-dav) under `php -S`, with its SQLite backends made from the
/// schema Debian ships and one user whose Digest hash is in the users table (SabreDAV's default).
private final class SabreDAV {
    let password = "sabre-secret-42"
    let folder: URL
    let server: LocalServer
    var port: Int { server.port }

    init() throws {
        folder = try temporaryDirectory()
        let schema = URL(fileURLWithPath: "/usr/share/doc/php-sabre-dav/examples/sql")
        var sql = try ["sqlite.calendars.sql", "sqlite.locks.sql", "sqlite.users.sql", "sqlite.principals.sql"]
            .map { try String(contentsOf: schema.appendingPathComponent($0), encoding: .utf8) }.joined(separator: "\n")
        let hash = try peer("/bin/sh", ["-c", "printf %s \"$1\" | md5sum", "sh", "coord:SabreDAV:\(password)"]).stdout.prefix(32)
        sql += """

            DELETE FROM users; DELETE FROM principals;
            INSERT INTO users (username, digesta1) VALUES ('coord', '\(hash)');
            INSERT INTO principals (uri, email, displayname) VALUES ('principals/coord', 'coord@example.org', 'Coordinator');
            """
        let database = folder.appendingPathComponent("db.sqlite").path
        let made = try peer("/usr/bin/sqlite3", [database, sql])
        guard made.status == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: made.stderr]) }
        try """
            <?php
            // SabreDAV 1.8 on PHP 8: its deprecations are not errors.
            error_reporting(E_ALL & ~E_DEPRECATED & ~E_NOTICE & ~E_WARNING);
            date_default_timezone_set('UTC');
            $pdo = new \\PDO('sqlite:\(database)');
            $pdo->setAttribute(PDO::ATTR_ERRMODE, PDO::ERRMODE_EXCEPTION);
            require_once 'Sabre/autoload.php';
            $principals = new \\Sabre\\DAVACL\\PrincipalBackend\\PDO($pdo);
            $server = new \\Sabre\\DAV\\Server(array(
                new \\Sabre\\CalDAV\\Principal\\Collection($principals),
                new \\Sabre\\CalDAV\\CalendarRootNode($principals, new \\Sabre\\CalDAV\\Backend\\PDO($pdo)),
            ));
            $server->setBaseUri('/');
            $server->addPlugin(new \\Sabre\\DAV\\Auth\\Plugin(new \\Sabre\\DAV\\Auth\\Backend\\PDO($pdo), 'SabreDAV'));
            $server->addPlugin(new \\Sabre\\DAVACL\\Plugin());
            $server->addPlugin(new \\Sabre\\CalDAV\\Plugin());
            $server->exec();
            """.write(to: folder.appendingPathComponent("server.php"), atomically: true, encoding: .utf8)
        let port = try unusedPort()
        server = try LocalServer("/usr/bin/php", ["-S", "127.0.0.1:\(port)", folder.appendingPathComponent("server.php").path],
                                 port: port, log: folder.appendingPathComponent("log"))
    }

    deinit { try? FileManager.default.removeItem(at: folder) }
}
