import CCurl
import Foundation

/// Sends through an SMTP server with libcurl: TLS from the start on smtps://; on smtp://,
/// STARTTLS when the server offers it, and STARTTLS required whenever there are credentials.
///
/// Each recipient gets a transaction of its own (MAIL FROM, one RCPT TO, DATA) on the same
/// connection while the server keeps it open. libcurl cannot say which of several RCPT TO were
/// refused (with CURLOPT_MAIL_RCPT_ALLOWFAILS it drops them silently), so this is the only way to
/// report a refused recipient and still deliver to the others. A temporary failure stops at that
/// recipient; a retry sends again to the ones before it, which is why the commands send one
/// recipient per envelope.
///
/// The password goes to libcurl and nowhere else: never in clear on the wire (a login needs TLS,
/// whose certificate is always verified), and no error, description or mirror of this value holds
/// it. URLs are shown without their user part, libcurl's messages are searched for the password
/// before they are shown, and libcurl's verbose mode (which would print the AUTH exchange) is
/// never switched on.
public struct SMTPTransport: Transport, CustomStringConvertible, CustomReflectable {
    private let server: SMTPServerURL
    private let user: String?
    private let password: String?
    private let caFile: String?
    private let timeout: Int

    /// `caFile` names the certificates the server's must chain to, instead of the system's (a
    /// private CA, or a self-signed server). `timeout` (seconds) bounds connecting and each wait
    /// for the server's answer; a whole message may take four times as long, for a large write-up
    /// on a slow link.
    public init(url: String, user: String?, password: String?, caFile: String? = nil, timeout: Int = 30) {
        self.server = SMTPServerURL(url)
        self.user = user.flatMap { $0.isEmpty ? nil : $0 }
        self.password = password
        self.caFile = caFile
        self.timeout = timeout
    }

    /// Names the server only, so printing a transport cannot leak its credentials.
    public var description: String { "SMTPTransport(\(server.shown))" }

    /// What `dump` and debuggers show: the same, without the credentials.
    public var customMirror: Mirror {
        Mirror(self, children: ["url": server.shown, "caFile": caFile as Any, "timeout": timeout], displayStyle: .struct)
    }

    /// Credentials from the environment or in the URL itself (libcurl logs in with either).
    private var logsIn: Bool { user != nil || server.userInfo != nil }

    /// Throws `.rejected` only after trying every recipient, naming all that were refused; a
    /// temporary or setup failure stops at once, as it would fail the remaining ones alike.
    public func deliver(_ envelope: Envelope) throws(DeliveryError) {
        try server.check()
        guard Self.isPlainAddress(envelope.sender) else {
            throw .misconfigured("the sender address '\(MailError.excerpt(envelope.sender))' cannot be used in MAIL FROM")
        }
        // Allocated first so it is freed last: libcurl may write to it until the handle is gone.
        let errorText = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE))
        defer { errorText.deallocate() }
        switch rt_curl_load() {
        case RT_CURL_READY: break
        case RT_CURL_MISSING: throw .misconfigured(String(cString: rt_curl_missing_reason()))
        default: throw .temporary("libcurl could not be started")
        }
        guard let handle = rt_curl_easy_init() else { throw .temporary("libcurl could not be started") }
        defer { rt_curl_easy_cleanup(handle) }
        try configure(handle, sender: envelope.sender, size: envelope.data.count, errorText: errorText)

        var refused: [(recipient: String, reason: String)] = []
        for recipient in envelope.recipients {
            guard Self.isPlainAddress(recipient) else {
                refused.append((MailError.excerpt(recipient), "it cannot be used in RCPT TO"))
                continue
            }
            switch send(envelope.data, to: recipient, with: handle, errorText: errorText) {
            case nil: continue
            case .rejected(_, let reason)?: refused.append((recipient, reason))
            case let failure?: throw failure
            }
        }
        if let first = refused.first {
            throw .rejected(recipient: refused.map(\.recipient).joined(separator: ", "), first.reason)
        }
    }

    /// The options every transaction shares; a refused option means this libcurl cannot do the job.
    ///
    /// TLS is required (CURLUSESSL_ALL) on smtps:// and whenever we log in: libcurl then sends
    /// AUTH only after STARTTLS succeeded, and refuses a server that does not offer it, or an
    /// attacker who strips it from the EHLO answer, before any credential leaves. Without a
    /// login, STARTTLS stays opportunistic (CURLUSESSL_TRY), as a server on port 25 may not
    /// offer it. Certificate checks are libcurl's defaults, on, and never switched off.
    private func configure(_ handle: UnsafeMutableRawPointer, sender: String, size: Int,
                           errorText: UnsafeMutablePointer<CChar>) throws(DeliveryError) {
        let useSSL = server.isSecure == true || logsIn ? CURLUSESSL_ALL : CURLUSESSL_TRY
        var results = [
            rt_curl_setopt_string(handle, CURLOPT_URL, server.text),
            rt_curl_setopt_long(handle, CURLOPT_USE_SSL, Int(useSSL.rawValue)),
            rt_curl_setopt_string(handle, CURLOPT_MAIL_FROM, "<\(sender)>"),
            rt_curl_setopt_long(handle, CURLOPT_UPLOAD, 1),
            rt_curl_setopt_off(handle, CURLOPT_INFILESIZE_LARGE, curl_off_t(size)),
            rt_curl_setopt_read_callback(handle, readCallback),
            rt_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1),
            rt_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT, timeout),
            rt_curl_setopt_long(handle, CURLOPT_SERVER_RESPONSE_TIMEOUT, timeout),
            rt_curl_setopt_long(handle, CURLOPT_TIMEOUT, min(timeout, Int.max / 4) * 4),
            rt_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorText),
        ]
        if let user {
            results.append(rt_curl_setopt_string(handle, CURLOPT_USERNAME, user))
            results.append(rt_curl_setopt_string(handle, CURLOPT_PASSWORD, password ?? ""))
        }
        if let caFile {
            // The file alone: without the system's folder of CAs beside it, which libcurl would
            // otherwise still consult, a private server's certificate is checked against its own CA.
            results.append(rt_curl_setopt_string(handle, CURLOPT_CAINFO, caFile))
            results.append(rt_curl_setopt_string(handle, CURLOPT_CAPATH, nil))
        }
        if let refused = results.first(where: { $0 != CURLE_OK }) {
            throw .misconfigured("libcurl cannot send to '\(server.shown)': \(String(cString: rt_curl_easy_strerror(refused)))")
        }
    }

    /// One transaction for one recipient; nil when the server took the message.
    private func send(_ data: [UInt8], to recipient: String, with handle: UnsafeMutableRawPointer,
                      errorText: UnsafeMutablePointer<CChar>) -> DeliveryError? {
        guard let recipients = rt_curl_slist_append(nil, "<\(recipient)>") else {
            return .temporary("out of memory")
        }
        let upload = Unmanaged.passRetained(Upload(data))
        rt_curl_setopt_slist(handle, CURLOPT_MAIL_RCPT, recipients)
        rt_curl_setopt_pointer(handle, CURLOPT_READDATA, upload.toOpaque())
        // The handle outlives this transaction: it must not keep pointers to what is freed here.
        defer {
            rt_curl_setopt_slist(handle, CURLOPT_MAIL_RCPT, nil)
            rt_curl_setopt_pointer(handle, CURLOPT_READDATA, nil)
            rt_curl_slist_free_all(recipients)
            upload.release()
        }
        errorText[0] = 0
        let code = rt_curl_easy_perform(handle)
        guard code != CURLE_OK else { return nil }
        var response = 0
        rt_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &response)
        let text = String(cString: errorText)
        let detail = redacted(text.isEmpty ? String(cString: rt_curl_easy_strerror(code)) : text)
        return classify(code, response: response, detail: detail, recipient: recipient,
                        afterData: upload.takeUnretainedValue().finished)
    }

    /// Sorts a failed transaction by what the run should do. libcurl names the failing command
    /// only in its error text ("MAIL failed: 550", "RCPT failed: 550", "DATA failed: 554"), and
    /// a refusal of the message itself by the reply code after the whole upload was read.
    ///
    /// TLS that cannot be had is a setup problem (69), not a temporary one (75): a server that
    /// does not offer STARTTLS will not offer it at the next run, and one whose offer an attacker
    /// strips should not be retried into every day. An untrusted certificate is the same: it
    /// needs the right CA file (or the right server), not another try.
    private func classify(_ code: CURLcode, response: Int, detail: String, recipient: String,
                          afterData: Bool) -> DeliveryError {
        let shown = server.shown
        switch code {
        case CURLE_LOGIN_DENIED:
            return .notPermitted("the SMTP server at '\(shown)' refused the login; check ROUNDTABLE_SMTP_USER and ROUNDTABLE_SMTP_PASSWORD")
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL:
            return .misconfigured("the SMTP URL '\(shown)' cannot be used (ROUNDTABLE_SMTP_URL): \(detail)")
        case CURLE_USE_SSL_FAILED:
            return .misconfigured("TLS is required to log in, and the SMTP server at '\(shown)' did not start it (\(detail)), "
                + "so the login was not sent; use smtps://, or a server and port that offer STARTTLS (587)")
        case CURLE_SSL_CACERT_BADFILE:
            let certificates = caFile.map { "the CA file '\($0)' (ROUNDTABLE_SMTP_CA_FILE)" } ?? "the system's CA certificates"
            return .misconfigured("\(certificates) cannot be used to check the SMTP server at '\(shown)': \(detail)")
        case CURLE_PEER_FAILED_VERIFICATION:
            return .misconfigured("the certificate of the SMTP server at '\(shown)' is not trusted (\(detail)); "
                + "for a private CA, name its certificate in ROUNDTABLE_SMTP_CA_FILE")
        default:
            break
        }
        switch response {
        case 530:
            return .misconfigured("the SMTP server at '\(shown)' wants a login; set ROUNDTABLE_SMTP_USER and ROUNDTABLE_SMTP_PASSWORD")
        case 400 ..< 500:
            return .temporary("the SMTP server at '\(shown)' answered \(response) (\(detail))")
        case 500 ..< 600 where detail.hasPrefix("MAIL"):
            return .misconfigured("the SMTP server at '\(shown)' refused the sender with \(response)")
        case 500 ..< 600:
            let stage = detail.hasPrefix("RCPT") ? "RCPT TO" : detail.hasPrefix("DATA") ? "DATA"
                : afterData ? "the message" : "the connection"
            return .rejected(recipient: recipient, "the server answered \(response) to \(stage)")
        default:
            return .temporary("cannot send through '\(shown)': \(detail)")
        }
    }

    /// libcurl's text with every password we know of, should one ever appear there, blacked out.
    private func redacted(_ text: String) -> String {
        let secrets = ([password ?? ""] + server.secrets).filter { !$0.isEmpty }
        return secrets.reduce(text) { $0.replacingOccurrences(of: $1, with: "***") }
    }

    /// An address libcurl can put between angle brackets without changing the command: no
    /// controls, spaces or brackets (the renderer checks addresses; this guards the envelope).
    private static func isPlainAddress(_ address: String) -> Bool {
        address.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value != 0x7f && $0 != "<" && $0 != ">" }
    }
}

/// The message bytes libcurl reads as it sends, passed through CURLOPT_READDATA.
private final class Upload {
    let bytes: [UInt8]
    var offset = 0
    /// libcurl has read the whole message (it knows the size, so it may never ask past the end).
    var finished: Bool { offset == bytes.count }

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func read(into buffer: UnsafeMutablePointer<CChar>, max: Int) -> Int {
        let count = min(max, bytes.count - offset)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            UnsafeMutableRawPointer(buffer).copyMemory(from: source.baseAddress! + offset, byteCount: count)
        }
        offset += count
        return count
    }
}

/// CURLOPT_READFUNCTION: hands libcurl the next piece of the `Upload` behind `context`.
private let readCallback: @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int = {
    buffer, size, count, context in
    guard let buffer, let context else { return 0 }
    return Unmanaged<Upload>.fromOpaque(context).takeUnretainedValue().read(into: buffer, max: size * count)
}
