import CCurl
import Foundation

/// An IMAP session (RFC 3501) on a connection libcurl opened, secured and logged in on
/// (`CURLOPT_CONNECT_ONLY`): libcurl does what must be right for security (TLS, certificate
/// checks, STARTTLS required, SASL or LOGIN, `~/.netrc`), and this sends the few commands
/// `rsvp --mailbox` needs and reads their answers, literals included.
///
/// libcurl's own IMAP requests cannot be used for reading: they fetch with `BODY[]`, which sets
/// `\Seen` on every message read, and the mail left alone must stay as it was (`BODY.PEEK[]`).
final class IMAPConnection {
    /// One untagged answer (`* …`): its text, with each literal's place marked `{}`, and the literals.
    struct Untagged {
        let text: String
        let literals: [[UInt8]?]
    }

    /// The tagged end of a command.
    struct Completion {
        let status: String
        let text: String
    }

    private let handle: UnsafeMutableRawPointer
    private let shown: String
    private let timeout: Int32
    private var buffer: [UInt8] = []
    private var position = 0
    private var tag = 0
    /// The longest literal kept; a longer one is read and dropped (`nil` in `Untagged.literals`).
    var literalLimit = 16 << 20

    private init(handle: UnsafeMutableRawPointer, shown: String, timeout: Int32) {
        self.handle = handle
        self.shown = shown
        self.timeout = timeout
    }

    deinit { rt_curl_easy_cleanup(handle) }

    /// Connects, starts TLS (at once on imaps://, by STARTTLS, which is required, on imap://),
    /// checks the certificate (against `caFile` alone when given) and logs in: the password is
    /// given, else libcurl reads `~/.netrc`.
    static func open(_ address: MailboxLocation.IMAPAddress, password: String?, caFile: String?, timeout: Int = 30) throws(MailboxError) -> IMAPConnection {
        switch rt_curl_load() {
        case RT_CURL_READY: break
        case RT_CURL_MISSING: throw .unavailable(String(cString: rt_curl_missing_reason()))
        default: throw .temporary("libcurl could not be started")
        }
        guard let handle = rt_curl_easy_init() else { throw .temporary("libcurl could not be started") }
        let connection = IMAPConnection(handle: handle, shown: address.shown, timeout: Int32(timeout))
        let errorText = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE))
        defer {
            rt_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, nil)
            errorText.deallocate()
        }
        errorText[0] = 0
        // libcurl reads ~/.netrc only when CURLOPT_USERNAME is unset, looking for the URL's user:
        // without a password the user goes in the URL.
        let url = password == nil ? address.serverURL(withUser: true) : address.serverURL(withUser: false)
        var results = [
            rt_curl_setopt_string(handle, CURLOPT_URL, url),
            rt_curl_setopt_long(handle, CURLOPT_CONNECT_ONLY, 1),
            rt_curl_setopt_long(handle, CURLOPT_USE_SSL, Int(CURLUSESSL_ALL.rawValue)),
            rt_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1),
            rt_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT, timeout),
            rt_curl_setopt_long(handle, CURLOPT_SERVER_RESPONSE_TIMEOUT, timeout),
            rt_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorText),
        ]
        if let password {
            results.append(rt_curl_setopt_string(handle, CURLOPT_USERNAME, address.user))
            results.append(rt_curl_setopt_string(handle, CURLOPT_PASSWORD, password))
        } else {
            results.append(rt_curl_setopt_long(handle, CURLOPT_NETRC, Int(CURL_NETRC_OPTIONAL.rawValue)))
        }
        if let caFile {
            results.append(rt_curl_setopt_string(handle, CURLOPT_CAINFO, caFile))
            results.append(rt_curl_setopt_string(handle, CURLOPT_CAPATH, nil))
        }
        if let refused = results.first(where: { $0 != CURLE_OK }) {
            throw .unavailable("libcurl cannot read '\(address.shown)': \(String(cString: rt_curl_easy_strerror(refused)))")
        }
        let code = rt_curl_easy_perform(handle)
        guard code == CURLE_OK else {
            let text = String(cString: errorText)
            let detail = (text.isEmpty ? String(cString: rt_curl_easy_strerror(code)) : text)
                .replacingOccurrences(of: password ?? "\u{0}", with: "***")
            throw classify(code, detail: detail, shown: address.shown, caFile: caFile)
        }
        return connection
    }

    /// Sorts a failure to connect and log in by what cron should do about it.
    private static func classify(_ code: CURLcode, detail: String, shown: String, caFile: String?) -> MailboxError {
        switch code {
        case CURLE_LOGIN_DENIED:
            return .loginRefused("the IMAP server at '\(shown)' refused the login; check ROUNDTABLE_IMAP_PASSWORD (or the server's entry in ~/.netrc)")
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_CONNECT:
            return .unavailable("the IMAP server at '\(shown)' cannot be reached (\(detail))")
        case CURLE_USE_SSL_FAILED:
            return .unavailable("TLS is required to log in, and the IMAP server at '\(shown)' did not start it (\(detail)), "
                + "so the login was not sent; use imaps://, or a server that offers STARTTLS")
        case CURLE_SSL_CACERT_BADFILE:
            let certificates = caFile.map { "the CA file '\($0)' (ROUNDTABLE_IMAP_CA_FILE)" } ?? "the system's CA certificates"
            return .unavailable("\(certificates) cannot be used to check the IMAP server at '\(shown)': \(detail)")
        case CURLE_PEER_FAILED_VERIFICATION:
            return .unavailable("the certificate of the IMAP server at '\(shown)' is not trusted (\(detail)); "
                + "for a private CA, name its certificate in ROUNDTABLE_IMAP_CA_FILE")
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL:
            return .unavailable("the mailbox URL '\(shown)' cannot be used: \(detail)")
        default:
            return .temporary("the IMAP server at '\(shown)' could not be read (\(detail))")
        }
    }

    /// Sends a command and reads every answer up to its tagged completion; a NO or BAD is
    /// returned for the caller to judge, a BYE or a lost connection thrown as temporary.
    func command(_ text: String) throws(MailboxError) -> (untagged: [Untagged], completion: Completion) {
        tag += 1
        let label = "R\(tag)"
        try send(Array("\(label) \(text)\r\n".utf8))
        var untagged: [Untagged] = []
        while true {
            let (line, literals) = try response()
            if line.hasPrefix(label + " ") {
                let rest = line.dropFirst(label.count + 1)
                let status = rest.prefix { $0 != " " }.uppercased()
                return (untagged, Completion(status: status, text: String(rest.dropFirst(status.count)).trimmingCharacters(in: .whitespaces)))
            }
            if line.uppercased().hasPrefix("* BYE") {
                throw .temporary("the IMAP server at '\(shown)' closed the session (\(line.dropFirst(6)))")
            }
            if line.hasPrefix("* ") { untagged.append(Untagged(text: String(line.dropFirst(2)), literals: literals)) }
        }
    }

    /// Sends a command that must succeed; a NO or BAD is `failure`'s error.
    @discardableResult
    func expectOK(_ text: String, _ failure: (Completion) -> MailboxError) throws(MailboxError) -> [Untagged] {
        let (untagged, completion) = try command(text)
        guard completion.status == "OK" else { throw failure(completion) }
        return untagged
    }

    // MARK: The wire

    /// One response: its lines joined, each literal's place marked `{}`, and the literals.
    private func response() throws(MailboxError) -> (String, [[UInt8]?]) {
        var text = "", literals: [[UInt8]?] = []
        while true {
            let line = try readLine()
            // A line ending in {N} is followed by N bytes of literal, then the rest of the response.
            if line.hasSuffix("}"), let open = line.lastIndex(of: "{"), let count = Int(line[line.index(after: open)..<line.index(before: line.endIndex)]) {
                text += line[..<open] + "{}"
                literals.append(try readBytes(count))
            } else {
                return (text + line, literals)
            }
        }
    }

    /// The next line, without its CRLF, as text (bytes that are not UTF-8 become U+FFFD).
    private func readLine() throws(MailboxError) -> String {
        var searched = 0  // how far past `position` holds no LF; `fill` moves what is left to the start
        while true {
            if let lf = buffer[(position + searched)...].firstIndex(of: UInt8(ascii: "\n")) {
                var end = lf
                if end > position, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                let line = String(decoding: buffer[position..<end], as: UTF8.self)
                position = lf + 1
                return line
            }
            searched = buffer.count - position
            guard buffer.count - position < 1 << 20 else { throw .temporary("the IMAP server at '\(shown)' sent a line over 1 MiB") }
            try fill()
        }
    }

    /// The next `count` bytes; nil (read and dropped) when more than `literalLimit`.
    private func readBytes(_ count: Int) throws(MailboxError) -> [UInt8]? {
        var remaining = count
        var kept: [UInt8]? = count <= literalLimit ? [] : nil
        kept?.reserveCapacity(count)
        while remaining > 0 {
            if position == buffer.count { try fill() }
            let take = min(remaining, buffer.count - position)
            kept?.append(contentsOf: buffer[position..<position + take])
            position += take
            remaining -= take
        }
        return kept
    }

    /// Reads more from the connection into the buffer, dropping what was consumed.
    private func fill() throws(MailboxError) {
        if position > 0 {
            buffer.removeFirst(position)
            position = 0
        }
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            var received = 0
            let code = chunk.withUnsafeMutableBytes { rt_curl_easy_recv(handle, $0.baseAddress, $0.count, &received) }
            if code == CURLE_OK {
                guard received > 0 else { throw .temporary("the IMAP server at '\(shown)' closed the connection") }
                buffer.append(contentsOf: chunk[..<received])
                return
            }
            guard code == CURLE_AGAIN else {
                throw .temporary("the connection to the IMAP server at '\(shown)' failed (\(String(cString: rt_curl_easy_strerror(code))))")
            }
            try wait(for: Int16(POLLIN))
        }
    }

    private func send(_ bytes: [UInt8]) throws(MailboxError) {
        var offset = 0
        while offset < bytes.count {
            var sent = 0
            let code = bytes.withUnsafeBytes { rt_curl_easy_send(handle, $0.baseAddress! + offset, $0.count - offset, &sent) }
            if code == CURLE_OK {
                offset += sent
            } else if code == CURLE_AGAIN {
                try wait(for: Int16(POLLOUT))
            } else {
                throw .temporary("the connection to the IMAP server at '\(shown)' failed (\(String(cString: rt_curl_easy_strerror(code))))")
            }
        }
    }

    /// Waits until the connection can be read or written, at most `timeout` seconds.
    private func wait(for events: Int16) throws(MailboxError) {
        var socket: curl_socket_t = -1
        guard rt_curl_getinfo_socket(handle, CURLINFO_ACTIVESOCKET, &socket) == CURLE_OK, socket >= 0 else {
            throw .temporary("the connection to the IMAP server at '\(shown)' was lost")
        }
        var descriptor = pollfd(fd: socket, events: events, revents: 0)
        let ready = poll(&descriptor, 1, timeout * 1000)
        guard ready > 0 else {
            throw .temporary(ready == 0 ? "the IMAP server at '\(shown)' did not answer within \(timeout) s" : "waiting for the IMAP server failed")
        }
    }
}
