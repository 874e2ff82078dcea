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
}
