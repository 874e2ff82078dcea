import CCurl

/// Sends through an SMTP server with libcurl: STARTTLS when the server offers it on smtp://,
/// TLS from the start on smtps://, AUTH when a user is set.
///
/// Each recipient gets a transaction of its own (MAIL FROM, one RCPT TO, DATA) on the same
/// connection while the server keeps it open. libcurl cannot say which of several RCPT TO were
/// refused (with CURLOPT_MAIL_RCPT_ALLOWFAILS it drops them silently), so this is the only way to
/// report a refused recipient and still deliver to the others. A temporary failure stops at that
/// recipient; a retry sends again to the ones before it, which is why the commands send one
/// recipient per envelope.
///
/// The password goes to libcurl and nowhere else: no error, description or mirror of this value
/// holds it, URLs are shown without their user part, and libcurl's verbose mode (which would
/// print the AUTH exchange) is never switched on.
public struct SMTPTransport: Transport, CustomStringConvertible, CustomReflectable {
    private let url: String
    private let user: String?
    private let password: String?
    private let timeout: Int

    /// `timeout` (seconds) bounds connecting and each wait for the server's answer; a whole
    /// message may take four times as long, for a large write-up on a slow link.
    public init(url: String, user: String?, password: String?, timeout: Int = 30) {
        self.url = url
        self.user = user
        self.password = password
        self.timeout = timeout
    }

    /// Names the server only, so printing a transport cannot leak its credentials.
    public var description: String { "SMTPTransport(\(Self.shown(url)))" }

    /// What `dump` and debuggers show: the same, without the credentials.
    public var customMirror: Mirror {
        Mirror(self, children: ["url": Self.shown(url), "timeout": timeout], displayStyle: .struct)
    }

    /// Whether the URL names a scheme this transport speaks; nil when it does not.
    static func isSecure(_ url: String) -> Bool? {
        let lowered = url.lowercased()
        if lowered.hasPrefix("smtps://") { return true }
        if lowered.hasPrefix("smtp://") { return false }
        return nil
    }

    /// The URL without user and password, for messages.
    static func shown(_ url: String) -> String {
        guard let scheme = url.range(of: "://") else { return url }
        let authorityEnd = url[scheme.upperBound...].firstIndex { "/?#".contains($0) } ?? url.endIndex
        guard let at = url[scheme.upperBound ..< authorityEnd].lastIndex(of: "@") else { return url }
        return String(url[..<scheme.upperBound] + url[url.index(after: at)...])
    }

    private static let libcurlReady: Bool = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK

    /// Throws `.rejected` only after trying every recipient, naming all that were refused; a
    /// temporary or setup failure stops at once, as it would fail the remaining ones alike.
    public func deliver(_ envelope: Envelope) throws(DeliveryError) {
        guard let secure = Self.isSecure(url) else {
            throw .misconfigured("the SMTP URL '\(Self.shown(url))' must start with smtp:// or smtps:// (ROUNDTABLE_SMTP_URL)")
        }
        guard Self.isPlainAddress(envelope.sender) else {
            throw .misconfigured("the sender address '\(MailError.excerpt(envelope.sender))' cannot be used in MAIL FROM")
        }
        // Allocated first so it is freed last: libcurl may write to it until the handle is gone.
        let errorText = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE))
        defer { errorText.deallocate() }
        guard Self.libcurlReady, let handle = curl_easy_init() else {
            throw .temporary("libcurl could not be started")
        }
        defer { curl_easy_cleanup(handle) }
        try configure(handle, secure: secure, sender: envelope.sender, size: envelope.data.count, errorText: errorText)

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
    private func configure(_ handle: UnsafeMutableRawPointer, secure: Bool, sender: String, size: Int,
                           errorText: UnsafeMutablePointer<CChar>) throws(DeliveryError) {
        let useSSL = secure ? CURLUSESSL_ALL : CURLUSESSL_TRY
        var results = [
            rt_curl_setopt_string(handle, CURLOPT_URL, url),
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
        if let user, !user.isEmpty {
            results.append(rt_curl_setopt_string(handle, CURLOPT_USERNAME, user))
            results.append(rt_curl_setopt_string(handle, CURLOPT_PASSWORD, password ?? ""))
        }
        if let refused = results.first(where: { $0 != CURLE_OK }) {
            throw .misconfigured("libcurl cannot send to '\(Self.shown(url))': \(String(cString: curl_easy_strerror(refused)))")
        }
    }

    /// One transaction for one recipient; nil when the server took the message.
    private func send(_ data: [UInt8], to recipient: String, with handle: UnsafeMutableRawPointer,
                      errorText: UnsafeMutablePointer<CChar>) -> DeliveryError? {
        guard let recipients = curl_slist_append(nil, "<\(recipient)>") else {
            return .temporary("out of memory")
        }
        let upload = Unmanaged.passRetained(Upload(data))
        rt_curl_setopt_slist(handle, CURLOPT_MAIL_RCPT, recipients)
        rt_curl_setopt_pointer(handle, CURLOPT_READDATA, upload.toOpaque())
        // The handle outlives this transaction: it must not keep pointers to what is freed here.
        defer {
            rt_curl_setopt_slist(handle, CURLOPT_MAIL_RCPT, nil)
            rt_curl_setopt_pointer(handle, CURLOPT_READDATA, nil)
            curl_slist_free_all(recipients)
            upload.release()
        }
        errorText[0] = 0
        let code = curl_easy_perform(handle)
        guard code != CURLE_OK else { return nil }
        var response = 0
        rt_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &response)
        let text = String(cString: errorText)
        let detail = redacted(text.isEmpty ? String(cString: curl_easy_strerror(code)) : text)
        return classify(code, response: response, detail: detail, recipient: recipient,
                        afterData: upload.takeUnretainedValue().finished)
    }

    /// Sorts a failed transaction by what the run should do. libcurl names the failing command
    /// only in its error text ("MAIL failed: 550", "RCPT failed: 550", "DATA failed: 554"), and
    /// a refusal of the message itself by the reply code after the whole upload was read.
    private func classify(_ code: CURLcode, response: Int, detail: String, recipient: String,
                          afterData: Bool) -> DeliveryError {
        let server = Self.shown(url)
        switch code {
        case CURLE_LOGIN_DENIED:
            return .misconfigured("the SMTP server at '\(server)' refused the login; check ROUNDTABLE_SMTP_USER and ROUNDTABLE_SMTP_PASSWORD")
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL:
            return .misconfigured("the SMTP URL '\(server)' cannot be used (ROUNDTABLE_SMTP_URL): \(detail)")
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_CERTPROBLEM, CURLE_USE_SSL_FAILED:
            return .misconfigured("no trusted TLS connection to '\(server)': \(detail)")
        default:
            break
        }
        switch response {
        case 530:
            return .misconfigured("the SMTP server at '\(server)' wants a login; set ROUNDTABLE_SMTP_USER and ROUNDTABLE_SMTP_PASSWORD")
        case 400 ..< 500:
            return .temporary("the SMTP server at '\(server)' answered \(response) (\(detail))")
        case 500 ..< 600 where detail.hasPrefix("MAIL"):
            return .misconfigured("the SMTP server at '\(server)' refused the sender with \(response)")
        case 500 ..< 600:
            let stage = detail.hasPrefix("RCPT") ? "RCPT TO" : detail.hasPrefix("DATA") ? "DATA"
                : afterData ? "the message" : "the connection"
            return .rejected(recipient: recipient, "the server answered \(response) to \(stage)")
        default:
            return .temporary("cannot send through '\(server)': \(detail)")
        }
    }

    /// libcurl's text with the password, should it ever appear there, blacked out.
    private func redacted(_ text: String) -> String {
        guard let password, !password.isEmpty else { return text }
        return text.replacingOccurrences(of: password, with: "***")
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
