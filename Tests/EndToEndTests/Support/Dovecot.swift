import Foundation
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// A real IMAP server (Debian's dovecot-imapd) for one test: a throwaway certificate, one
/// passwd-file user whose INBOX is a Maildir in the test's folder (so a test delivers mail by
/// writing files, as a delivery agent would), IMAPS and STARTTLS listeners on free loopback
/// ports, `ssl = required`. Stopped and removed when the test lets go of it.
///
/// As root, the master runs as root and the user's mail as nobody; as another user, every
/// process runs as that user. The folders above the users file must be searchable by the auth
/// process (a temporary folder is).
final class Dovecot {
    let folder: URL
    /// IMAP over TLS (imaps://).
    let port: Int
    /// IMAP with STARTTLS (imap://).
    let startTLSPort: Int
    let user = "coord"
    let password = "right-secret-42"
    private var process: Process?

    var maildir: URL { folder.appendingPathComponent("Maildir") }
    /// The server's self-signed certificate, for ROUNDTABLE_IMAP_CA_FILE.
    var certificate: String { folder.appendingPathComponent("cert.pem").path }
    /// The INBOX as `rsvp --mailbox` takes it.
    var inbox: String { "imaps://\(user)@127.0.0.1:\(port)/INBOX" }
    /// The environment a run that logs in needs.
    var environment: [String: String] { ["ROUNDTABLE_IMAP_PASSWORD": password, "ROUNDTABLE_IMAP_CA_FILE": certificate] }

    init() throws {
        folder = try temporaryDirectory()
        chmod(folder.path, 0o755)
        port = try unusedPort()
        startTLSPort = try unusedPort()
        let openssl = try peer("/usr/bin/openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
                                                    "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", folder.appendingPathComponent("key.pem").path,
                                                    "-out", certificate])
        guard openssl.status == 0 else { throw CocoaError(.fileWriteUnknown) }
        for sub in ["", "/new", "/cur", "/tmp"] {
            try FileManager.default.createDirectory(atPath: maildir.path + sub, withIntermediateDirectories: true)
            chmod(maildir.path + sub, 0o777)
        }
        let home = folder.appendingPathComponent("home").path
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        chmod(home, 0o777)
        let root = getuid() == 0
        let me = String(cString: getpwuid(getuid()).pointee.pw_name)
        let (uid, gid) = root ? (65534, 65534) : (Int(getuid()), Int(getgid()))
        try "\(user):{PLAIN}\(password):\(uid):\(gid)::\(home)::\n".write(to: folder.appendingPathComponent("users"), atomically: true, encoding: .utf8)
        chmod(folder.appendingPathComponent("users").path, 0o644)
        let run = folder.appendingPathComponent("run").path
        try """
            base_dir = \(run)
            state_dir = \(run)
            listen = 127.0.0.1
            protocols = imap
            ssl = required
            ssl_cert = <\(certificate)
            ssl_key = <\(folder.path)/key.pem
            disable_plaintext_auth = yes
            auth_mechanisms = plain login
            log_path = \(folder.path)/dovecot.log
            first_valid_uid = 1
            mail_location = maildir:\(maildir.path)
            default_internal_user = \(root ? "dovecot" : me)
            default_login_user = \(root ? "dovenull" : me)
            \(root ? "" : "default_internal_group = \(String(cString: getgrgid(getgid()).pointee.gr_name))")
            passdb {
              driver = passwd-file
              args = scheme=PLAIN \(folder.path)/users
            }
            userdb {
              driver = static
              args = uid=\(uid) gid=\(gid) home=\(home)
            }
            service imap-login {
              inet_listener imap {
                address = 127.0.0.1
                port = \(startTLSPort)
              }
              inet_listener imaps {
                address = 127.0.0.1
                port = \(port)
                ssl = yes
              }
            }
            """.write(to: folder.appendingPathComponent("dovecot.conf"), atomically: true, encoding: .utf8)
        try start()
    }

    /// Starts the server (again, on the same ports and mail); waits up to 10 s for it to listen.
    func start() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/sbin/dovecot")
        process.arguments = ["-F", "-c", folder.appendingPathComponent("dovecot.conf").path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        self.process = process
        let deadline = Date().addingTimeInterval(10)
        while !Self.accepts(port) {
            guard Date() < deadline, process.isRunning else { throw CocoaError(.fileReadUnknown) }
            usleep(50_000)
        }
    }

    /// Stops the server at once, every connection with it: SIGKILL to its processes, children
    /// first (SIGTERM may be blocked in a test runner's children), then waits until the port is free.
    func stop() {
        guard let process else { return }
        let master = process.processIdentifier
        for child in Self.children(of: master) { kill(child, SIGKILL) }
        kill(master, SIGKILL)
        process.waitUntilExit()
        let deadline = Date().addingTimeInterval(10)
        while Self.accepts(port) && Date() < deadline { usleep(20_000) }
        self.process = nil
    }

    /// The processes whose parent is `parent`, from /proc.
    private static func children(of parent: pid_t) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry in
            guard let pid = pid_t(entry), let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return nil }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 2 && pid_t(fields[1]) == parent ? pid : nil
        }
    }

    /// How many logins the server has accepted so far, from its log.
    func logins() -> Int {
        let log = (try? String(contentsOf: folder.appendingPathComponent("dovecot.log"), encoding: .utf8)) ?? ""
        return log.split(separator: "\n").count { $0.contains("imap-login: Info: Login: user=<\(user)>") }
    }

    /// Puts a message in the INBOX as a delivery agent does: written in tmp/, renamed into new/.
    func deliver(_ text: String, name: String) throws {
        let temporary = maildir.appendingPathComponent("tmp/\(name)")
        try text.write(to: temporary, atomically: false, encoding: .utf8)
        chmod(temporary.path, 0o666)
        guard rename(temporary.path, maildir.appendingPathComponent("new/\(name)").path) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    /// Each message's UID and flags (keywords included, `\Recent` left out), read from the
    /// server's storage by doveadm: no IMAP session of the test's own is among those it counts.
    func flags() throws -> [Int: String] {
        let run = try peer("/usr/bin/doveadm", ["-c", folder.appendingPathComponent("dovecot.conf").path, "fetch", "-u", user,
                                                "uid flags", "mailbox", "INBOX", "all"])
        guard run.status == 0 else { throw CocoaError(.fileReadUnknown, userInfo: ["stderr": run.stderr]) }
        var found: [Int: String] = [:]
        for block in run.stdout.split(separator: "\u{0C}") {
            let fields = Dictionary(block.split(whereSeparator: \.isNewline).compactMap { line -> (String, String)? in
                guard let colon = line.firstIndex(of: ":") else { return nil }
                return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
            }, uniquingKeysWith: { first, _ in first })
            guard let uid = fields["uid"].flatMap({ Int($0) }), let flags = fields["flags"] else { continue }
            // \Recent says which session saw the message first, which is no concern of the tests.
            found[uid] = flags.split(separator: " ").filter { $0 != "\\Recent" }.joined(separator: " ")
        }
        return found
    }

    /// Gives the INBOX a new UIDVALIDITY, as rebuilding the folder on the server does.
    func changeUIDValidity(to value: Int) throws {
        let run = try peer("/usr/bin/doveadm", ["-c", folder.appendingPathComponent("dovecot.conf").path, "mailbox", "update",
                                                "-u", user, "--uid-validity", "\(value)", "INBOX"])
        guard run.status == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: ["stderr": run.stderr]) }
    }

    private static func accepts(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: folder)
    }
}
