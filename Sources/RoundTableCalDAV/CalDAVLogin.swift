import CCurl
import Glibc

/// Whose login publishes, and where it comes from.
public enum CalDAVLogin: Sendable {
    /// `ROUNDTABLE_CALDAV_USER` and `ROUNDTABLE_CALDAV_PASSWORD`.
    case password(user: String, password: String)
    /// The machine's entry in ~/.netrc, if it has one (libcurl reads the file); none otherwise.
    case netrc

    /// The login the environment gives: both variables, or neither (then ~/.netrc). One without
    /// the other is refused here, rather than as a refused login once the run has started.
    public static func from(_ environment: [String: String]) throws(CalDAVError) -> CalDAVLogin {
        let user = environment["ROUNDTABLE_CALDAV_USER"].flatMap { $0.isEmpty ? nil : $0 }
        let password = environment["ROUNDTABLE_CALDAV_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
        switch (user, password) {
        case let (user?, password?): return .password(user: user, password: password)
        case (nil, nil): return .netrc
        case (nil, _?): throw .misconfigured("ROUNDTABLE_CALDAV_PASSWORD is set but ROUNDTABLE_CALDAV_USER is not; set both or neither")
        case (_?, nil): throw .misconfigured("ROUNDTABLE_CALDAV_USER is set but ROUNDTABLE_CALDAV_PASSWORD is not; set both or neither")
        }
    }

    /// `ROUNDTABLE_CALDAV_CA_FILE`, the certificates an https server's must chain to; nil when
    /// unset. Opened once here: libcurl reads it only when TLS starts, so a wrong path would
    /// otherwise show up as a certificate error, or never (an http:// URL), instead of naming the file.
    public static func caFile(_ environment: [String: String]) throws(CalDAVError) -> String? {
        guard let path = environment["ROUNDTABLE_CALDAV_CA_FILE"], !path.isEmpty else { return nil }
        switch rt_ca_file_problem(path) {
        case 0: return path
        case -1: throw .misconfigured("the CA file '\(path)' (ROUNDTABLE_CALDAV_CA_FILE) is not a file")
        case let error: throw .misconfigured("the CA file '\(path)' (ROUNDTABLE_CALDAV_CA_FILE) cannot be read: \(String(cString: strerror(error)))")
        }
    }
}
