import CCurl
import Foundation

/// Sends through an SMTP server with libcurl: STARTTLS when the server offers it on smtp://,
/// TLS from the start on smtps://, AUTH when a user is set.
///
/// The password goes to libcurl and nowhere else: no message, error or log line holds it, and
/// libcurl's verbose mode (which would print the AUTH exchange) is never switched on.
public struct SMTPTransport: Transport {
    public let url: String
    let user: String?
    let password: String?
    public let timeout: Int

    public init(url: String, user: String?, password: String?, timeout: Int = 30) {
        self.url = url
        self.user = user
        self.password = password
        self.timeout = timeout
    }

    private static let initialised: Bool = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK

    public func deliver(_ envelope: Envelope) throws(DeliveryError) {
        guard url.hasPrefix("smtp://") || url.hasPrefix("smtps://") else {
            throw .misconfigured("ROUNDTABLE_SMTP_URL must start with smtp:// or smtps://")
        }
        guard Self.initialised, let handle = curl_easy_init() else { throw .temporary("libcurl could not start") }
        defer { curl_easy_cleanup(handle) }
        var recipients: UnsafeMutablePointer<curl_slist>?
        for recipient in envelope.recipients { recipients = curl_slist_append(recipients, "<\(recipient)>") }
        defer { curl_slist_free_all(recipients) }
        let upload = Upload(envelope.data)
        let uploadPointer = Unmanaged.passRetained(upload)
        defer { uploadPointer.release() }
        var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)

        let code: CURLcode = errorBuffer.withUnsafeMutableBufferPointer { buffer in
            rt_curl_setopt_string(handle, CURLOPT_URL, url)
            rt_curl_setopt_long(handle, CURLOPT_USE_SSL, Int(url.hasPrefix("smtps://") ? CURLUSESSL_ALL.rawValue : CURLUSESSL_TRY.rawValue))
            rt_curl_setopt_string(handle, CURLOPT_MAIL_FROM, "<\(envelope.sender)>")
            rt_curl_setopt_slist(handle, CURLOPT_MAIL_RCPT, recipients)
            if let user, !user.isEmpty {
                rt_curl_setopt_string(handle, CURLOPT_USERNAME, user)
                rt_curl_setopt_string(handle, CURLOPT_PASSWORD, password ?? "")
            }
            rt_curl_setopt_long(handle, CURLOPT_UPLOAD, 1)
            rt_curl_setopt_long(handle, CURLOPT_INFILESIZE_LARGE, envelope.data.count)
            rt_curl_setopt_read_callback(handle) { buffer, size, count, context in
                guard let buffer, let context else { return 0 }
                return Unmanaged<Upload>.fromOpaque(context).takeUnretainedValue().read(into: buffer, max: size * count)
            }
            rt_curl_setopt_pointer(handle, CURLOPT_READDATA, uploadPointer.toOpaque())
            rt_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
            rt_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT, timeout)
            rt_curl_setopt_long(handle, CURLOPT_TIMEOUT, timeout * 4)
            rt_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, buffer.baseAddress)
            return curl_easy_perform(handle)
        }
        guard code != CURLE_OK else { return }
        var response = 0
        rt_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &response)
        let buffered = String(decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let detail = buffered.isEmpty ? String(cString: curl_easy_strerror(code)) : buffered
        let why = response > 0 ? "\(detail) (server said \(response))" : detail
        switch (code, response) {
        case (CURLE_LOGIN_DENIED, _):
            throw .misconfigured("the SMTP server refused the login for user '\(user ?? "")'")
        case (CURLE_URL_MALFORMAT, _), (CURLE_UNSUPPORTED_PROTOCOL, _):
            throw .misconfigured("ROUNDTABLE_SMTP_URL is not usable: \(detail)")
        case (_, 500..<600):
            throw .rejected(recipient: envelope.recipients.joined(separator: ", "), why)
        default:
            throw .temporary(why)
        }
    }

    /// The message bytes libcurl reads as it sends, kept alive by the transfer.
    private final class Upload {
        let bytes: [UInt8]
        var offset = 0
        init(_ bytes: [UInt8]) { self.bytes = bytes }

        func read(into buffer: UnsafeMutablePointer<CChar>, max: Int) -> Int {
            let count = min(max, bytes.count - offset)
            guard count > 0 else { return 0 }
            bytes.withUnsafeBufferPointer { source in
                UnsafeMutableRawPointer(buffer).copyMemory(from: source.baseAddress! + offset, byteCount: count)
            }
            offset += count
            return count
        }
    }
}
